package dev.grove.nlp.features;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the language family's text feature extractors. */
public final class FeatureComponents {

    private FeatureComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.transformer(BagOfWords.NAME, BagOfWordsParams.class, BagOfWords::new,
                BagOfWordsModel::restore, "token-id rows to token counts, one column per frequent token (for multinomial-nb)"));
    }
}
