package dev.grove.neural.loss;

import dev.grove.api.spi.Registry;

/** Registers the neural family's losses. */
public final class LossComponents {

    private LossComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
