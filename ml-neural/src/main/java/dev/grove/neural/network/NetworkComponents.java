package dev.grove.neural.network;

import dev.grove.api.spi.Registry;

/** Registers the neural family's the network and mlp estimators. */
public final class NetworkComponents {

    private NetworkComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
