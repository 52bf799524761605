package dev.grove.nlp.data;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the language family's text data sources. */
public final class TextSources {

    private TextSources() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.dataSource(CorpusSource.NAME, CorpusParams.class, CorpusSource::new,
                "A text file as token ids (char, word or bpe): one row per token, or one padded sample per line"));
        registry.register(Component.dataSource(LabelledTextSource.NAME, LabelledTextParams.class, LabelledTextSource::new,
                "A tab-separated file of labelled texts, one padded sample of token ids per row"));
    }
}
