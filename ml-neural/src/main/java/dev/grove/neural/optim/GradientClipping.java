package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping before an optimizer step, in place. Only parameters that are not frozen and
 * have a gradient take part.
 *
 * <p>Both operations work on the gradients' arrays directly, one gradient after another (a gradient
 * listed twice is treated twice, as separate tensor ops would), each split into fixed-size chunks
 * run on the {@link dev.grove.tensor.ThreadBudget} pool, so results do not depend on the thread count.
 */
public final class GradientClipping {

    /** Added to the norm before dividing, as PyTorch does, so a zero norm never divides by zero. */
    private static final double NORM_EPSILON = 1e-6;

    private GradientClipping() {
    }

    /**
     * Rescales the gradients so that their global L2 norm (over all of them, as one vector) is at
     * most {@code maxNorm}, as {@code torch.nn.utils.clip_grad_norm_}: each is multiplied by
     * maxNorm / (norm + 1e-6) when that is below 1. The norm is summed in double, in an order that
     * depends only on the gradients' sizes. A non-finite norm leaves the gradients as they are, so
     * the caller can still tell which ones went non-finite.
     *
     * @return the global norm before clipping
     * @throws IllegalArgumentException unless {@code maxNorm} is a finite number &gt; 0
     */
    public static double byNorm(List<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("gradient clipping: the largest norm must be a finite number > 0, got " + maxNorm);
        }
        List<float[]> gradients = clippable(parameters);
        double squares = 0;
        for (float[] gradient : gradients) {
            squares += sumOfSquares(gradient);
        }
        double norm = Math.sqrt(squares);
        double factor = maxNorm / (norm + NORM_EPSILON);
        if (Double.isFinite(norm) && factor < 1) {
            float scale = (float) factor;
            try (var noGrad = Grad.off()) {
                for (float[] gradient : gradients) {
                    Chunks.forEach(gradient.length, (chunk, from, to) -> {
                        for (int i = from; i < to; i++) {
                            gradient[i] *= scale;
                        }
                    });
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
        float max = (float) limit;
        float min = -max;
        try (var noGrad = Grad.off()) {
            for (float[] gradient : clippable(parameters)) {
                Chunks.forEach(gradient.length, (chunk, from, to) -> {
                    for (int i = from; i < to; i++) {
                        // Bitwise Tensor.clamp's v < min ? min : (v > max ? max : v), NaN and signed
                        // zeros included, but without branches, which random signs would mispredict.
                        gradient[i] = Math.max(min, Math.min(max, gradient[i]));
                    }
                });
            }
        }
    }

    /** The arrays behind the gradients that take part, in the order of {@code parameters}. */
    private static List<float[]> clippable(List<Parameter> parameters) {
        List<float[]> gradients = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Tensor gradient = parameter.frozen() ? null : parameter.value().grad();
            if (gradient != null) {
                gradients.add(TensorStorage.data(gradient));
            }
        }
        return gradients;
    }

    /**
     * Σ x² of one gradient in double, in a fixed order: each chunk's sum is computed on its own,
     * then the chunk sums are added in chunk order.
     */
    private static double sumOfSquares(float[] gradient) {
        double[] chunkSums = new double[Chunks.count(gradient.length)];
        Chunks.forEach(gradient.length, (chunk, from, to) -> chunkSums[chunk] = sumOfSquares(gradient, from, to));
        double sum = 0;
        for (double chunkSum : chunkSums) {
            sum += chunkSum;
        }
        return sum;
    }

    /**
     * Σ x² of {@code [from, to)} in four interleaved partial sums (element from + 4k + j goes to
     * sum j; the last (to − from) mod 4 elements to a fifth), added in a fixed order at the end: one
     * running sum would make every addition wait for the one before it.
     */
    private static double sumOfSquares(float[] gradient, int from, int to) {
        double sum0 = 0;
        double sum1 = 0;
        double sum2 = 0;
        double sum3 = 0;
        int i = from;
        for (int end = to - 3; i < end; i += 4) {
            double x0 = gradient[i];
            double x1 = gradient[i + 1];
            double x2 = gradient[i + 2];
            double x3 = gradient[i + 3];
            sum0 += x0 * x0;
            sum1 += x1 * x1;
            sum2 += x2 * x2;
            sum3 += x3 * x3;
        }
        double tail = 0;
        for (; i < to; i++) {
            double x = gradient[i];
            tail += x * x;
        }
        return ((sum0 + sum1) + (sum2 + sum3)) + tail;
    }
}
