package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * Gradient clipping before an optimizer step, in place. Only parameters that are not frozen and
 * have a gradient take part.
 */
public final class GradientClipping {

    /** Added to the norm before dividing, as PyTorch does, so a zero norm never divides by zero. */
    private static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Rescales the gradients so that their global L2 norm (over all of them, as one vector) is at
     * most {@code maxNorm}, as {@code torch.nn.utils.clip_grad_norm_}: each is multiplied by
     * maxNorm / (norm + 1e-6) when that is below 1. The norm is summed in double. A non-finite norm
     * leaves the gradients as they are, so the caller can still tell which ones went non-finite.
     *
     * @return the global norm before clipping
     * @throws IllegalArgumentException unless {@code maxNorm} is a finite number &gt; 0
     */
    public static double byNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("gradient clipping: the largest norm must be a finite number > 0, got " + maxNorm);
        }
        double squares = 0;
        for (Parameter parameter : parameters) {
            Tensor gradient = clippable(parameter);
            if (gradient != null) {
                for (float value : gradient.toFloatArray()) {
                    squares += (double) value * value;
                }
            }
        }
        double norm = Math.sqrt(squares);
        double factor = maxNorm / (norm + NORM_EPSILON);
        if (Double.isFinite(norm) && factor < 1) {
            try (var noGrad = Grad.off()) {
                for (Parameter parameter : parameters) {
                    Tensor gradient = clippable(parameter);
                    if (gradient != null) {
                        gradient.mulInPlace((float) factor);
                    }
                }
            }
        }
        return norm;
    }

    /**
     * Clamps every gradient value into {@code [-limit, limit]}, as {@code torch.nn.utils.clip_grad_value_}.
     *
     * @throws IllegalArgumentException unless {@code limit} is a finite number &gt; 0
     */
    public static void byValue(List<Parameter> parameters, double limit) {
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("gradient clipping: the largest value must be a finite number > 0, got " + limit);
        }
        float bound = (float) limit;
        try (var noGrad = Grad.off()) {
            for (Parameter parameter : parameters) {
                Tensor gradient = clippable(parameter);
                if (gradient != null) {
                    gradient.copyFrom(gradient.clamp(-bound, bound));
                }
            }
        }
    }

    private static Tensor clippable(Parameter parameter) {
        return parameter.frozen() ? null : parameter.value().grad();
    }
}
