package dev.grove.nlp.text;

import dev.grove.api.spi.Registry;

/** Registers the language family's tokenizers and encodings. */
public final class TextComponents {

    private TextComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
