package dev.grove.nlp.layer;

import dev.grove.api.data.Schema;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code embedding} layer as configured: [steps] token ids (as float values) to [steps, dim]
 * vectors, rows of a [vocab-size, dim] weight drawn from N(0, 1) as PyTorch's {@code nn.Embedding}.
 *
 * @param params its params
 */
public record EmbeddingSpec(EmbeddingParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "embedding";

    /** Checks the params are given. */
    public EmbeddingSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * This spec with {@code vocab-size} taken from {@code schema}'s vocabulary when it is not set.
     *
     * @throws IllegalArgumentException if vocab-size is not set and the data has no vocabulary
     */
    @Override
    public LayerSpec forData(Schema schema) {
        if (params.vocabSize() > 0) {
            return this;
        }
        if (!schema.hasVocabulary()) {
            throw new IllegalArgumentException(KIND + ": vocab-size is not set and the data carries no vocabulary"
                    + " (its features are not token ids from a text source); set vocab-size");
        }
        return new EmbeddingSpec(new EmbeddingParams(params.dim(), schema.vocabulary().size()));
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        if (inputShape == null || inputShape.length != 1 || inputShape[0] < 1) {
            throw new IllegalArgumentException(KIND + " needs [steps] token ids input, got "
                    + (inputShape == null ? "none" : Arrays.toString(inputShape)));
        }
        if (params.vocabSize() == 0) {
            throw new IllegalArgumentException(KIND + ": vocab-size is not set; set it, or train on text data,"
                    + " whose vocabulary gives it");
        }
        Tensor weight = Tensor.randn(rng.derive("weight"), params.vocabSize(), params.dim());
        return new EmbeddingLayer(inputShape[0], new Parameter("weight", weight));
    }
}
