package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD} (dampening 0). With gradient g, weight
 * decay λ and momentum μ: d = g + λ·w; the momentum buffer b = μ·b + d (b = d on the first step);
 * the update direction is b, or d + μ·b with Nesterov momentum, or d without momentum; w ← w − lr·direction.
 */
public final class Sgd implements OptimizerSpec {

    /** The component name. */
    public static final String NAME = "sgd";

    private final SgdParams params;

    /** SGD configured by {@code params}. */
    public Sgd(SgdParams params) {
        this.params = params;
    }

    @Override
    public String kind() {
        return NAME;
    }

    @Override
    public float learningRate() {
        return (float) params.lr();
    }

    @Override
    public Optimizer create(List<Parameter> parameters) {
        return new Updates(parameters, (float) params.momentum(), params.nesterov(), (float) params.weightDecay());
    }

    /** The running optimizer: one momentum buffer per parameter when μ &gt; 0. */
    private static final class Updates extends StatefulOptimizer {

        private final float momentum;
        private final boolean nesterov;
        private final float weightDecay;

        Updates(List<Parameter> parameters, float momentum, boolean nesterov, float weightDecay) {
            super(NAME, parameters, momentum == 0 ? List.of() : List.of("momentum_buffer"), false);
            this.momentum = momentum;
            this.nesterov = nesterov;
            this.weightDecay = weightDecay;
        }

        @Override
        void update(float[] value, float[] gradient, float[][] buffers, int from, int to, long step, float learningRate) {
            // The terms reach the weights one after another in float (w += −lr·λ·w, then w += −lr·g,
            // then w += −lr·μ·b with Nesterov) rather than as one direction d, so the roundings, and
            // the weights bit for bit, stay those of the rule applied term by term as tensor ops.
            // The decay term and the buffer both read the weights from before the step.
            float rate = -learningRate;
            float decayRate = -learningRate * weightDecay;
            if (momentum == 0) {
                if (weightDecay == 0) {
                    for (int i = from; i < to; i++) {
                        value[i] += rate * gradient[i];
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        float w = value[i];
                        w += decayRate * w;
                        value[i] = w + rate * gradient[i];
                    }
                }
                return;
            }
            // A zero buffer makes μ·b + d equal d on the first step, as PyTorch's clone of d.
            float[] buffer = buffers[0];
            if (nesterov) {
                float momentumRate = -learningRate * momentum;
                for (int i = from; i < to; i++) {
                    float w = value[i];
                    float g = gradient[i];
                    float b = momentum * buffer[i] + g;
                    if (weightDecay != 0) {
                        b += weightDecay * w;
                        w += decayRate * w;
                    }
                    buffer[i] = b;
                    w += rate * g;
                    value[i] = w + momentumRate * b;
                }
            } else {
                for (int i = from; i < to; i++) {
                    float w = value[i];
                    float b = momentum * buffer[i] + gradient[i];
                    if (weightDecay != 0) {
                        b += weightDecay * w;
                    }
                    buffer[i] = b;
                    value[i] = w + rate * b;
                }
            }
        }
    }
}
