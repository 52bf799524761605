package dev.grove.tensor;

import java.util.Objects;
import java.util.function.Function;

/**
 * Finite-difference gradient checking, as {@code torch.autograd.gradcheck}: compares the gradients
 * autograd computes for a function's inputs with central differences. The scalar differentiated is
 * {@code sum(f(x) * r)} for a fixed random r in [0.5, 1.5), so every output element's gradient path
 * is exercised with a distinct weight.
 *
 * <p>Everything is float32, so central differences with step 1e-2 are accurate to roughly 1e-3
 * relative for smooth functions of O(1) inputs; the default tolerance leaves a margin for that and
 * nothing more. Inputs should keep their elements apart from kinks (relu at 0, max ties) by more than
 * the step; {@link #spread} makes such inputs.
 */
public final class GradientCheck {

    private final float step;
    private final double relative;
    private final double absolute;

    private GradientCheck(float step, double relative, double absolute) {
        this.step = step;
        this.relative = relative;
        this.absolute = absolute;
    }

    /** Step 1e-2; an element passes when |analytic − numeric| ≤ 2e-3 + 2e-2·|numeric|. */
    public static GradientCheck standard() {
        return new GradientCheck(1e-2f, 2e-2, 2e-3);
    }

    /** Another step and tolerance (e.g. a looser one for functions with large curvature). */
    public static GradientCheck of(float step, double relative, double absolute) {
        if (!(step > 0) || !(relative >= 0) || !(absolute >= 0)) {
            throw new IllegalArgumentException("gradient check: step must be > 0 and tolerances >= 0, got step " + step
                    + ", relative " + relative + ", absolute " + absolute);
        }
        return new GradientCheck(step, relative, absolute);
    }

    /**
     * The outcome: whether every element passed and, if not, the first that failed.
     *
     * @param passed   every element within tolerance
     * @param failure  the first failing element described ("input 1[3]: analytic 0.5 vs numeric 0.25"), or ""
     * @param checked  number of elements compared
     */
    public record Result(boolean passed, String failure, int checked) {
    }

    /**
     * Checks the gradient of {@code f} with respect to each of {@code inputs} (which are copied; the
     * function receives copies that require gradients, then constants for the perturbed evaluations).
     */
    public Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        Objects.requireNonNull(f, "f");
        Tensor[] params = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            params[i] = inputs[i].copy().requiresGrad(true);
        }
        Tensor out = f.apply(params);
        Tensor weights = Tensor.uniform(new Rng(99), 0.5f, 1.5f, out.shape());
        out.mul(weights).sum().backward();

        int checked = 0;
        for (int i = 0; i < inputs.length; i++) {
            Tensor analytic = params[i].grad();
            if (analytic == null) {
                return new Result(false, "input " + i + ": no gradient reached it", checked);
            }
            float[] grad = analytic.toFloatArray();
            float[] base = inputs[i].toFloatArray();
            for (int j = 0; j < base.length; j++) {
                double plus = objective(f, inputs, i, j, base[j] + step, weights);
                double minus = objective(f, inputs, i, j, base[j] - step, weights);
                double numeric = (plus - minus) / (2 * step);
                checked++;
                if (!(Math.abs(grad[j] - numeric) <= absolute + relative * Math.abs(numeric))) {
                    return new Result(false, "input " + i + "[" + j + "]: analytic " + grad[j] + " vs numeric " + numeric,
                            checked);
                }
            }
        }
        return new Result(true, "", checked);
    }

    private static double objective(Function<Tensor[], Tensor> f, Tensor[] inputs, int which, int element,
                                    float value, Tensor weights) {
        try (var g = Grad.off()) {
            Tensor[] args = inputs.clone();
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
     * 0 and ±1, so max, relu, abs and clamp(-1, 1) are never straddled. Large shapes reach large
     * values (−1.875 + 0.05·(n−1)); scale the result for functions that saturate.
     */
    public static Tensor spread(long seed, int... shape) {
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
}
