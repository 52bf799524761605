package dev.grove.nlp.attention;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A transformer block's position-wise feed-forward network on {@code [batch, steps, d]}:
 * GELU(x·W1 + b1)·W2 + b2 with W1 {@code [d, hidden]} and W2 {@code [hidden, d]}, as PyTorch's
 * {@code Sequential(Linear(d, hidden), GELU(), Linear(hidden, d))}, with the exact GELU and
 * {@code nn.Linear}'s initial values.
 */
final class FeedForwardLayer extends AbstractLayer {

    /** The kind, as a block's child. */
    static final String KIND = "feed-forward";

    private final Parameter weight1;
    private final Parameter bias1;
    private final Parameter weight2;
    private final Parameter bias2;

    FeedForwardLayer(int[] shape, int hidden, Rng rng) {
        super(KIND, shape, shape);
        int d = shape[1];
        this.weight1 = new Parameter("weight-1", TorchInit.linear(rng, d, d, hidden));
        this.bias1 = new Parameter("bias-1", TorchInit.linear(rng, d, hidden));
        this.weight2 = new Parameter("weight-2", TorchInit.linear(rng, hidden, hidden, d));
        this.bias2 = new Parameter("bias-2", TorchInit.linear(rng, hidden, d));
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        SequenceShapes.checkBatch(this, input);
        Tensor hidden = Gelu.apply(input.matmul(weight1.value()), bias1.value());
        return hidden.matmul(weight2.value()).add(bias2.value());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight1, bias1, weight2, bias2);
    }
}
