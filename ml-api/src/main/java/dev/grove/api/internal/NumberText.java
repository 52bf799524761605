package dev.grove.api.internal;

/** How numbers appear in names made from values (class labels, one-hot columns): {@code 3}, not {@code 3.0}. */
public final class NumberText {

    private NumberText() {
    }

    /** Integers (below 1e15 in magnitude) without a fraction, other values as {@link Double#toString(double)}. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
