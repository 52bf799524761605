package dev.grove.nlp.attention;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Registry;

/** Registers the language family's attention and transformer layers. */
public final class AttentionComponents {

    private AttentionComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.LAYER, MultiHeadAttentionSpec.KIND, MultiHeadAttentionParams.class,
                MultiHeadAttentionSpec::new, "Multi-head self-attention on [steps, features], optionally causal"));
        registry.register(Component.of(Kind.LAYER, TransformerBlockSpec.ENCODER, TransformerEncoderParams.class,
                TransformerBlockSpec::encoder,
                "Pre-norm transformer block: x + MHA(LN(x)), then x + FF(LN(x)) with a GELU feed-forward network"));
        registry.register(Component.of(Kind.LAYER, TransformerBlockSpec.DECODER, TransformerDecoderParams.class,
                TransformerBlockSpec::decoder,
                "Decoder-only (GPT) block: the pre-norm transformer block with causal self-attention"));
        registry.register(Component.of(Kind.LAYER, PositionsSpec.KIND, PositionsParams.class, PositionsSpec::new,
                "Adds learned or sinusoidal position vectors to [steps, features]"));
    }
}
