package dev.grove.neural.layer;

import dev.grove.api.spi.Registry;

/** Registers the neural family's layers, activations and blocks. */
public final class LayerComponents {

    private LayerComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
