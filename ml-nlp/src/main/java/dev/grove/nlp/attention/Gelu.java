package dev.grove.nlp.attention;

import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;

/**
 * The exact GELU, x·Φ(x) = ½x(1 + erf(x/√2)), as PyTorch's {@code nn.GELU()} default
 * ({@code approximate='none'}); ml-neural's {@code gelu} activation is the tanh approximation.
 *
 * <p>The tensors have no erf, so the values and derivatives are computed here per element and joined
 * to the graph as y = x·D + C with the constants D = GELU′(x) and C = GELU(x) − x·D: the value is
 * GELU(x) and the gradient with respect to x is exactly GELU′(x) = Φ(x) + x·φ(x), at the cost of two
 * recorded ops instead of the dozen an erf approximation built from tensor ops would take.
 */
final class Gelu {

    /** Elements per parallel task; fixed, so the split never depends on the thread count. */
    private static final int CHUNK = 1 << 15;
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /**
     * erfc(z)·e^(z²) / t as a polynomial in t = 2 / (2 + z), lowest order first: a weighted
     * least-squares fit (degree 10) with a relative error below 1.4e-8 for every z ≥ 0, so erfc
     * needs no exponential beyond the e^(−z²) that φ needs anyway.
     */
    private static final double[] ERFCX_FIT = {0.2820947957473071, 0.28209370886532653, 0.24688562610064752,
        0.17530481284953753, 0.09352702168092822, -0.059434352635354994, 0.13265663582094653, -0.4556218640135213,
        0.4942291305621983, -0.23497916539288807, 0.04324365508540293};

    private Gelu() {
    }

    /**
     * GELU of every element of {@code x}. Outside a graph the values are x·Φ(x) rounded once; in a
     * graph x·D + C rounds twice, which can cost a few units in the last place of the larger of x·D
     * and C (relative errors up to ~1e-5 only far in the negative tail, where the values are ~1e-6).
     */
    static Tensor apply(Tensor x) {
        boolean graph = x.requiresGrad() && Grad.isEnabled();
        float[] in = x.toFloatArray();
        float[] slope = graph ? new float[in.length] : null;
        float[] offset = new float[in.length];
        int tasks = (in.length + CHUNK - 1) / CHUNK;
        ThreadBudget.parallelFor(tasks, task -> {
            int end = Math.min(in.length, (task + 1) * CHUNK);
            for (int i = task * CHUNK; i < end; i++) {
                double v = in[i];
                double gaussian = Math.exp(-0.5 * v * v);
                double cdf = cdf(v, gaussian);
                double value = v * cdf;
                if (graph) {
                    slope[i] = (float) (cdf + v * INV_SQRT_2PI * gaussian);
                    offset[i] = (float) (value - v * slope[i]);
                } else {
                    offset[i] = (float) value;
                }
            }
        });
        int[] shape = x.shape();
        if (!graph) {
            return Tensor.of(offset, shape);
        }
        return x.mul(Tensor.of(slope, shape)).add(Tensor.of(offset, shape));
    }

    /**
     * Φ(v) = ½·erfc(−v/√2), given e^(−v²/2) (which is the e^(−z²) of erfc at z = |v|/√2), with a
     * relative error below 2e-8, so Φ stays accurate relative to its size far into the negative tail.
     */
    static double cdf(double v, double gaussian) {
        double t = 2 / (2 + Math.abs(v) * INV_SQRT_2);
        double fit = ERFCX_FIT[10];
        for (int k = 9; k >= 0; k--) {
            fit = ERFCX_FIT[k] + t * fit;
        }
        double erfcOfZ = t * fit * gaussian;
        return v >= 0 ? 1 - 0.5 * erfcOfZ : 0.5 * erfcOfZ;
    }
}
