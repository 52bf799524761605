package dev.grove.neural.layer;

import dev.grove.api.params.Params;

/** The checks shared by the {@code l1} and {@code l2} params of layers with weights. */
final class Penalties {

    private Penalties() {
    }

    /** Checks both are finite and ≥ 0, naming the one that is not. */
    static void check(double l1, double l2) {
        Params.atLeast("l1", l1, 0, false);
        Params.atLeast("l2", l2, 0, false);
        if (Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l1 and l2 must be finite, got l1 " + l1 + ", l2 " + l2);
        }
    }
}
