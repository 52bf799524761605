package dev.grove.neural.optim;

import dev.grove.api.spi.Registry;

/** Registers the neural family's optimizers and learning-rate schedules. */
public final class OptimizerComponents {

    private OptimizerComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
