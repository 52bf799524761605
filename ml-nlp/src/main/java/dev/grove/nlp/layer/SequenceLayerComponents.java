package dev.grove.nlp.layer;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Registry;

/** Registers the language family's embedding and recurrent layers. */
public final class SequenceLayerComponents {

    private SequenceLayerComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.LAYER, EmbeddingSpec.KIND, EmbeddingParams.class, EmbeddingSpec::new,
                "Token embedding: [steps] token ids to [steps, dim] learned vectors"));
        registry.register(Component.of(Kind.LAYER, RecurrentSpec.RNN, RecurrentParams.class, RecurrentSpec::rnn,
                "Elman recurrent layer on [steps, features]: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh);"
                        + " add a dense layer for the outputs o_t = W h_t"));
        registry.register(Component.of(Kind.LAYER, RecurrentSpec.LSTM, RecurrentParams.class, RecurrentSpec::lstm,
                "Long short-term memory layer on [steps, features], PyTorch's gates (i, f, g, o) and parameters"));
        registry.register(Component.of(Kind.LAYER, RecurrentSpec.GRU, RecurrentParams.class, RecurrentSpec::gru,
                "Gated recurrent unit layer on [steps, features], PyTorch's gates (r, z, n) and parameters"));
    }
}
