package dev.grove.neural.optim;

/**
 * Multiplies the rate by γ every epoch, as {@code torch.optim.lr_scheduler.ExponentialLR} stepped
 * once per epoch: rate = base·γ^epoch.
 */
public final class ExponentialSchedule implements Schedule {

    /** The component name. */
    public static final String NAME = "exponential";

    private final double gamma;

    /** The schedule configured by {@code params}. */
    public ExponentialSchedule(ExponentialScheduleParams params) {
        this.gamma = params.gamma();
    }

    @Override
    public float rate(float base, long step, long totalSteps, int epoch) {
        ScheduleArguments.check(NAME, base, step, epoch);
        return (float) (base * Math.pow(gamma, epoch));
    }
}
