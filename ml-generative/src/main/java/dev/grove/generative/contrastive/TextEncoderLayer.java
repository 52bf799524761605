package dev.grove.generative.contrastive;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * The text encoder of the contrastive model: the mean of a text's token embeddings, then dense
 * layers to the embedding size. Its input is a batch of mean-pooling weights
 * ({@code [batch, vocabulary]}, see {@link TokenBags}), so the pooling is one matrix product with
 * the embedding table ({@code [vocabulary, token-dim]}); its output is {@code [batch, embedding-dim]},
 * not yet normalised. Its parameter is {@code token-embeddings}; its layers are the child
 * {@code layers} (names such as {@code layers.dense-1.weight}).
 */
final class TextEncoderLayer extends AbstractLayer {

    /** The layer's kind, which names it in messages. */
    static final String KIND = "text-encoder";

    private final Parameter tokenEmbeddings;
    private final Layer layers;

    /**
     * @param tokenEmbeddings {@code [vocabulary, token-dim]}
     * @param layers          takes {@code [token-dim]}, gives the embedding {@code [embedding-dim]}
     */
    TextEncoderLayer(Parameter tokenEmbeddings, Layer layers) {
        super(KIND, new int[] {tokenEmbeddings.value().dim(0)}, layers.outputShape());
        this.tokenEmbeddings = tokenEmbeddings;
        this.layers = layers;
    }

    /** The number of tokens whose embeddings it holds. */
    int vocabularySize() {
        return tokenEmbeddings.value().dim(0);
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return layers.forward(input.matmul(tokenEmbeddings.value()), pass);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(tokenEmbeddings);
    }

    @Override
    public List<Child> children() {
        return List.of(new Child("layers", layers));
    }
}
