package dev.grove.neural.optim;

/** The check the optimizer and schedule params add to {@code Params}' bounds: no infinite value. */
final class FiniteParams {

    private FiniteParams() {
    }

    /** Returns {@code value}, or throws naming the param when it is infinite. */
    static double finite(String name, double value) {
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }
}
