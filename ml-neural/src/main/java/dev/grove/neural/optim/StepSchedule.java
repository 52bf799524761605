package dev.grove.neural.optim;

/**
 * Multiplies the rate by γ every N epochs, as {@code torch.optim.lr_scheduler.StepLR(step_size=N)}
 * stepped once per epoch: rate = base·γ^⌊epoch / N⌋.
 */
public final class StepSchedule implements Schedule {

    /** The component name. */
    public static final String NAME = "step";

    private final int every;
    private final double gamma;

    /** The schedule configured by {@code params}. */
    public StepSchedule(StepScheduleParams params) {
        this.every = params.every();
        this.gamma = params.gamma();
    }

    @Override
    public float rate(float base, long step, long totalSteps, int epoch) {
        ScheduleArguments.check(NAME, base, step, epoch);
        return (float) (base * Math.pow(gamma, epoch / every));
    }
}
