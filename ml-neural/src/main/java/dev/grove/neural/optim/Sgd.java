package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
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
        void update(Tensor value, Tensor gradient, Tensor[] buffers, long step, float learningRate) {
            // Each term is added to the weights separately (in place, no temporary tensors); the
            // decay term goes first because it, and the buffer, read the weights before the step.
            if (momentum == 0) {
                applyDecay(value, learningRate);
                value.addInPlace(gradient, -learningRate);
                return;
            }
            // A zero buffer makes μ·b + d equal d on the first step, as PyTorch's clone of d.
            Tensor buffer = buffers[0].mulInPlace(momentum).addInPlace(gradient, 1f);
            if (weightDecay != 0) {
                buffer.addInPlace(value, weightDecay);
            }
            if (nesterov) {
                applyDecay(value, learningRate);
                value.addInPlace(gradient, -learningRate).addInPlace(buffer, -learningRate * momentum);
            } else {
                value.addInPlace(buffer, -learningRate);
            }
        }

        private void applyDecay(Tensor value, float learningRate) {
            if (weightDecay != 0) {
                value.addInPlace(value, -learningRate * weightDecay);
            }
        }
    }
}
