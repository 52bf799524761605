package dev.grove.nlp.data;

import dev.grove.api.spi.Registry;

/** Registers the language family's text data sources. */
public final class TextSources {

    private TextSources() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
