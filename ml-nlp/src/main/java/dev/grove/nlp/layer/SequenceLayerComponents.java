package dev.grove.nlp.layer;

import dev.grove.api.spi.Registry;

/** Registers the language family's embedding and recurrent layers. */
public final class SequenceLayerComponents {

    private SequenceLayerComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
