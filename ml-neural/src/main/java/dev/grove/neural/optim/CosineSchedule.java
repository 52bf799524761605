package dev.grove.neural.optim;

/**
 * Cosine annealing per step, as {@code torch.optim.lr_scheduler.CosineAnnealingLR} with
 * T_max = total steps: rate = min + (base − min)·(1 + cos(π·step / total))/2. Steps past the total
 * stay at the minimum (PyTorch's would climb back up; training never takes them).
 */
public final class CosineSchedule implements Schedule {

    /** The component name. */
    public static final String NAME = "cosine";

    private final double minLr;

    /** The schedule configured by {@code params}. */
    public CosineSchedule(CosineScheduleParams params) {
        this.minLr = params.minLr();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code totalSteps} is below 1, or step or epoch is negative
     */
    @Override
    public float rate(float base, long step, long totalSteps, int epoch) {
        ScheduleArguments.check(NAME, base, step, epoch);
        if (totalSteps < 1) {
            throw new IllegalArgumentException(NAME + " schedule: total steps must be >= 1, got " + totalSteps);
        }
        double progress = (double) Math.min(step, totalSteps) / totalSteps;
        return (float) (minLr + (base - minLr) * (1 + Math.cos(Math.PI * progress)) / 2);
    }
}
