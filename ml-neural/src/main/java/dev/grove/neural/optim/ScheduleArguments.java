package dev.grove.neural.optim;

/** The argument checks every schedule makes before computing a rate. */
final class ScheduleArguments {

    private ScheduleArguments() {
    }

    /** Throws naming the schedule and the bad argument unless the base is finite, step and epoch are >= 0. */
    static void check(String schedule, float base, long step, int epoch) {
        if (!Float.isFinite(base)) {
            throw new IllegalArgumentException(schedule + " schedule: the base learning rate must be finite, got " + base);
        }
        if (step < 0 || epoch < 0) {
            throw new IllegalArgumentException(schedule + " schedule: step and epoch count from 0, got step " + step
                    + ", epoch " + epoch);
        }
    }
}
