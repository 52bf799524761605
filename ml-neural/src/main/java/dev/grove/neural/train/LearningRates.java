package dev.grove.neural.train;

import dev.grove.neural.optim.Schedule;

/**
 * The learning rate of each optimizer step: a linear warm-up, then the schedule.
 *
 * <p>During the first {@code warmup} steps (step s counted from 0) the rate is
 * {@code base · (s + 1) / warmup}, so it climbs from near 0 and the last warm-up step uses the full
 * base rate; no step is wasted at rate 0. After the warm-up the schedule takes over as if training
 * started there (as Hugging Face's warm-up schedules do): it sees step {@code s - warmup} of
 * {@code totalSteps - warmup}, so a cosine schedule still decays over the steps that remain. Without a
 * schedule the rate stays at {@code base}.
 */
final class LearningRates {

    private final Schedule schedule;
    private final int warmup;
    private final float base;
    private final long totalSteps;

    LearningRates(Schedule schedule, int warmup, float base, long totalSteps) {
        if (!(base >= 0) || !Float.isFinite(base)) {
            throw new IllegalArgumentException("train: the optimizer's learning rate must be a finite number >= 0, got " + base);
        }
        this.schedule = schedule;
        this.warmup = warmup;
        this.base = base;
        this.totalSteps = totalSteps;
    }

    /**
     * The rate for optimizer step {@code step} (from 0), taken in epoch {@code epoch} (from 1).
     *
     * @throws IllegalArgumentException if the schedule returns a negative or non-finite rate
     */
    float at(long step, int epoch) {
        if (step < warmup) {
            return (float) ((double) base * (step + 1) / warmup);
        }
        if (schedule == null) {
            return base;
        }
        float rate = schedule.rate(base, step - warmup, totalSteps - warmup, epoch - 1);
        if (!(rate >= 0) || !Float.isFinite(rate)) {
            throw new IllegalArgumentException("train: the learning-rate schedule gave " + rate + " for step " + step
                    + " (epoch " + epoch + "); a rate must be a finite number >= 0");
        }
        return rate;
    }
}
