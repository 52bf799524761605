package dev.grove.nlp;

import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;
import dev.grove.nlp.attention.AttentionComponents;
import dev.grove.nlp.data.TextSources;
import dev.grove.nlp.features.FeatureComponents;
import dev.grove.nlp.layer.SequenceLayerComponents;
import dev.grove.nlp.sequence.SequenceShapeComponents;
import dev.grove.nlp.text.TextComponents;
import dev.grove.nlp.word2vec.Word2VecComponents;

/** The language family: tokenizers, text sources, word2vec, sequence layers and transformers. Registration builds nothing. */
public final class NlpPlugin implements Plugin {

    /** Needed by {@link java.util.ServiceLoader}. */
    public NlpPlugin() {
    }

    @Override
    public String id() {
        return "grove-nlp";
    }

    @Override
    public String apiVersion() {
        return GroveApi.VERSION;
    }

    @Override
    public void register(Registry registry) {
        TextComponents.register(registry);
        TextSources.register(registry);
        FeatureComponents.register(registry);
        Word2VecComponents.register(registry);
        SequenceLayerComponents.register(registry);
        SequenceShapeComponents.register(registry);
        AttentionComponents.register(registry);
    }
}
