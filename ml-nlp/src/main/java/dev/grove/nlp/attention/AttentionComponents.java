package dev.grove.nlp.attention;

import dev.grove.api.spi.Registry;

/** Registers the language family's attention and transformer layers. */
public final class AttentionComponents {

    private AttentionComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
