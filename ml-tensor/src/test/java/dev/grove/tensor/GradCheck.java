package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

/**
 * Finite-difference gradient checks. The scalar being differentiated is {@code sum(f(x) * r)} for a
 * fixed random r, so every output element's gradient path is exercised with a distinct weight.
 * Central differences in float32 with step 1e-2 are accurate to roughly 1e-3 relative for smooth
 * functions of O(1) inputs; the tolerance below leaves a margin for that and nothing more.
 */
final class GradCheck {

    private static final float STEP = 1e-2f;
    private static final double RELATIVE = 2e-2;
    private static final double ABSOLUTE = 2e-3;

    private GradCheck() {
    }

    static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] params = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            params[i] = inputs[i].copy().requiresGrad(true);
        }
        Tensor out = f.apply(params);
        Tensor weights = Tensor.uniform(new Rng(99), 0.5f, 1.5f, out.shape());
        out.mul(weights).sum().backward();

        for (int i = 0; i < inputs.length; i++) {
            Tensor analytic = params[i].grad();
            assertThat(analytic).as("%s: gradient of input %d", name, i).isNotNull();
            float[] grad = analytic.toFloatArray();
            float[] base = inputs[i].toFloatArray();
            for (int j = 0; j < base.length; j++) {
                double plus = objective(f, inputs, i, j, base[j] + STEP, weights);
                double minus = objective(f, inputs, i, j, base[j] - STEP, weights);
                double numeric = (plus - minus) / (2 * STEP);
                assertThat((double) grad[j])
                        .as("%s: d/d input%d[%d] (analytic %s vs numeric %s)", name, i, j, grad[j], numeric)
                        .isCloseTo(numeric, org.assertj.core.data.Offset.offset(ABSOLUTE + RELATIVE * Math.abs(numeric)));
            }
        }
    }

    private static double objective(Function<Tensor[], Tensor> f, Tensor[] inputs, int which, int element,
                                    float value, Tensor weights) {
        try (var g = Grad.off()) {
            Tensor[] args = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                args[i] = inputs[i];
            }
            float[] perturbed = inputs[which].toFloatArray();
            perturbed[element] = value;
            args[which] = Tensor.of(perturbed, inputs[which].shape());
            float[] out = f.apply(args).toFloatArray();
            float[] w = weights.toFloatArray();
            double total = 0;
            for (int k = 0; k < out.length; k++) {
                total += (double) out[k] * w[k];
            }
            return total;
        }
    }

    /**
     * Distinct values -1.875 + k·gap (gap 0.2, or 0.05 for more than 19 elements) in shuffled order:
     * no two are closer than the finite-difference step, and none lies within 0.025 of the kinks at
     * 0 and ±1, so max, relu, abs and clamp(-1, 1) are never straddled.
     */
    static Tensor spread(long seed, int... shape) {
        int n = Shapes.size(shape);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        new Rng(seed).shuffle(order);
        float[] values = new float[n];
        float gap = n <= 19 ? 0.2f : 0.05f;
        for (int i = 0; i < n; i++) {
            values[i] = -1.875f + order[i] * gap;
        }
        return Tensor.of(values, shape);
    }

    /** Random values in [low, high). */
    static Tensor uniform(long seed, float low, float high, int... shape) {
        return Tensor.uniform(new Rng(seed), low, high, shape);
    }
}
