package dev.grove.neural.train;

import dev.grove.neural.layer.Parameter;
import dev.grove.neural.optim.Optimizer;
import dev.grove.neural.optim.OptimizerSpec;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-scope SGD with PyTorch's momentum ({@code v = μv + g; w -= lr·v}) that records the rate of
 * every step and skips frozen parameters and parameters without a gradient.
 */
final class PlainSgd implements OptimizerSpec {

    private final float learningRate;
    private final float momentum;
    final List<Float> ratesUsed = new ArrayList<>();

    PlainSgd(float learningRate, float momentum) {
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    PlainSgd(float learningRate) {
        this(learningRate, 0f);
    }

    @Override
    public String kind() {
        return "plain-sgd";
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public Optimizer create(List<Parameter> parameters) {
        List<Tensor> velocities = new ArrayList<>();
        for (Parameter p : parameters) {
            velocities.add(Tensor.zeros(p.value().shape()));
        }
        return new Optimizer() {
            @Override
            public List<Parameter> parameters() {
                return parameters;
            }

            @Override
            public void step(float rate) {
                ratesUsed.add(rate);
                try (var g = Grad.off()) {
                    for (int i = 0; i < parameters.size(); i++) {
                        Parameter p = parameters.get(i);
                        Tensor grad = p.value().grad();
                        if (p.frozen() || grad == null) {
                            continue;
                        }
                        velocities.get(i).mulInPlace(momentum).addInPlace(grad, 1f);
                        p.value().addInPlace(velocities.get(i), -rate);
                    }
                }
            }

            @Override
            public Map<String, Tensor> state() {
                Map<String, Tensor> state = new LinkedHashMap<>();
                for (int i = 0; i < velocities.size(); i++) {
                    state.put("velocity-" + i, velocities.get(i).copy());
                }
                return state;
            }

            @Override
            public void restore(Map<String, Tensor> state) {
                try (var g = Grad.off()) {
                    for (int i = 0; i < velocities.size(); i++) {
                        Tensor saved = state.get("velocity-" + i);
                        if (saved == null) {
                            throw new IllegalArgumentException("plain-sgd state: missing velocity-" + i);
                        }
                        velocities.get(i).copyFrom(saved);
                    }
                }
            }
        };
    }
}
