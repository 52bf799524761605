package dev.grove.neural.optim;

/** A learning-rate schedule: what a SCHEDULE component's factory returns. */
public interface Schedule {

    /**
     * The learning rate for an optimizer step.
     *
     * @param base       the optimizer's configured rate
     * @param step       the step about to be taken, from 0
     * @param totalSteps the steps the whole training will take
     * @param epoch      the epoch of that step, from 0
     */
    float rate(float base, long step, long totalSteps, int epoch);
}
