package dev.grove.generative.gan;

import dev.grove.api.spi.Registry;

/** Registers the gan estimator (plain and conditional). */
public final class GanComponents {

    private GanComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
