package dev.grove.neural.demo;

import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Adam (Kingma and Ba, 2015) with bias correction, as in PyTorch's defaults (β1 0.9, β2 0.999, ε 1e-8). */
final class Adam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final List<Tensor> params;
    private final List<Tensor> firstMoments = new ArrayList<>();
    private final List<Tensor> secondMoments = new ArrayList<>();
    private final float learningRate;
    private int steps;

    Adam(List<Tensor> params, float learningRate) {
        this.params = params;
        this.learningRate = learningRate;
        for (Tensor p : params) {
            firstMoments.add(Tensor.zeros(p.shape()));
            secondMoments.add(Tensor.zeros(p.shape()));
        }
    }

    /** One update from the parameters' current gradients. */
    void step() {
        steps++;
        float correction1 = 1f - (float) Math.pow(BETA1, steps);
        float correction2 = 1f - (float) Math.pow(BETA2, steps);
        try (var g = Grad.off()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor grad = params.get(i).grad();
                if (grad == null) {
                    continue;
                }
                Tensor m = firstMoments.get(i).mulInPlace(BETA1).addInPlace(grad, 1f - BETA1);
                Tensor v = secondMoments.get(i).mulInPlace(BETA2).addInPlace(grad.mul(grad), 1f - BETA2);
                Tensor update = m.div(correction1).div(v.div(correction2).sqrt().add(EPSILON));
                params.get(i).addInPlace(update, -learningRate);
            }
        }
    }
}
