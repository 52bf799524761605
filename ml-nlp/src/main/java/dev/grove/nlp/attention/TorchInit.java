package dev.grove.nlp.attention;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;

/** PyTorch's default initial values for the weights the attention layers hold. */
final class TorchInit {

    private TorchInit() {
    }

    /**
     * {@code nn.Linear}'s default for a weight or bias of a layer with {@code fanIn} inputs:
     * U(−1/√fanIn, 1/√fanIn) (kaiming-uniform with a = √5, which reduces to this bound).
     */
    static Tensor linear(Rng rng, int fanIn, int... shape) {
        float bound = (float) (1 / Math.sqrt(fanIn));
        return Tensor.uniform(rng, -bound, bound, shape);
    }

    /** {@code xavier_uniform_}: U(−a, a) with a = √(6 / (fanIn + fanOut)). */
    static Tensor xavierUniform(Rng rng, int fanIn, int fanOut, int... shape) {
        float bound = (float) Math.sqrt(6.0 / (fanIn + fanOut));
        return Tensor.uniform(rng, -bound, bound, shape);
    }
}
