package dev.grove.nlp.attention;

import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;

/**
 * The exact GELU, x·Φ(x) = ½x(1 + erf(x/√2)), as PyTorch's {@code nn.GELU()} default
 * ({@code approximate='none'}); ml-neural's {@code gelu} activation is the tanh approximation.
 *
 * <p>The tensors have no erf, so this is one fused op: the forward pass computes each value and,
 * when a graph is recorded, its derivative GELU′(x) = Φ(x) + x·φ(x) in the same pass; the backward
 * pass multiplies the output gradient by the saved derivatives. A bias added just before (a dense
 * layer's) can be fused in too: its gradient is the sum of the input gradient over the rows.
 */
final class Gelu {

    /** Elements per parallel task (whole rows are taken); fixed, so the split never depends on the thread count. */
    private static final int CHUNK = 1 << 14;
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /*
     * erfc(z)·e^(z²) / t as a polynomial in t = 2 / (2 + z), lowest order first: a weighted
     * least-squares fit (degree 10) with a relative error below 1.4e-8 for every z ≥ 0, so erfc
     * needs no exponential beyond the e^(−z²) that φ needs anyway. Constants, not an array, so the
     * Horner chain needs no loads.
     */
    private static final double C0 = 0.2820947957473071;
    private static final double C1 = 0.28209370886532653;
    private static final double C2 = 0.24688562610064752;
    private static final double C3 = 0.17530481284953753;
    private static final double C4 = 0.09352702168092822;
    private static final double C5 = -0.059434352635354994;
    private static final double C6 = 0.13265663582094653;
    private static final double C7 = -0.4556218640135213;
    private static final double C8 = 0.4942291305621983;
    private static final double C9 = -0.23497916539288807;
    private static final double C10 = 0.04324365508540293;

    private Gelu() {
    }

    /** GELU of every element of {@code x}, each value x·Φ(x) rounded once. */
    static Tensor apply(Tensor x) {
        return apply(x, null);
    }

    /**
     * GELU(x + bias) for every element, the bias broadcast along the last axis.
     *
     * @param x    {@code [..., width]}
     * @param bias {@code [width]}, or null for none
     */
    static Tensor apply(Tensor x, Tensor bias) {
        int[] shape = x.shape();
        int width = shape.length == 0 ? 1 : shape[shape.length - 1];
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != width)) {
            throw new IllegalArgumentException("gelu: the bias must have shape [" + width + "] to add to an input of last"
                    + " axis " + width + ", got " + Arrays.toString(bias.shape()));
        }
        boolean graph = CustomOp.recording(x, bias);
        float[] in = TensorStorage.data(x);
        float[] shift = bias == null ? new float[width] : TensorStorage.data(bias);
        Tensor output = Tensor.zeros(shape);
        float[] out = TensorStorage.data(output);
        Tensor derivatives = graph ? Tensor.zeros(shape) : null;
        float[] slope = graph ? TensorStorage.data(derivatives) : null;
        int rows = width == 0 ? 0 : in.length / width;
        int rowsPerTask = Math.max(1, CHUNK / Math.max(1, width));
        ThreadBudget.parallelFor((rows + rowsPerTask - 1) / rowsPerTask, task -> {
            int end = Math.min(rows, (task + 1) * rowsPerTask) * width;
            for (int i = task * rowsPerTask * width; i < end; i += width) {
                evaluate(in, shift, i, width, out, slope);
            }
        });
        if (!graph) {
            return output;
        }
        return CustomOp.apply("gelu", output, gradOutput -> {
            Tensor gradX = gradOutput.mul(derivatives);
            Tensor gradBias = bias == null || !bias.requiresGrad() ? null
                    : gradX.reshape(rows, width).sum(new int[] {0}, false);
            return new Tensor[] {x.requiresGrad() ? gradX : null, gradBias};
        }, x, bias);
    }

    /** GELU, and its derivative when {@code slope} is not null, of one row: {@code in[from + j] + shift[j]}. */
    private static void evaluate(float[] in, float[] shift, int from, int width, float[] out, float[] slope) {
        for (int j = 0; j < width; j++) {
            double v = in[from + j] + shift[j];
            double gaussian = Math.exp(-0.5 * v * v);
            double cdf = cdf(v, gaussian);
            out[from + j] = (float) (v * cdf);
            if (slope != null) {
                slope[from + j] = (float) (cdf + v * INV_SQRT_2PI * gaussian);
            }
        }
    }

    /**
     * Φ(v) = ½·erfc(−v/√2), given e^(−v²/2) (which is the e^(−z²) of erfc at z = |v|/√2), with a
     * relative error below 2e-8, so Φ stays accurate relative to its size far into the negative tail.
     */
    static double cdf(double v, double gaussian) {
        double t = 2 / (2 + Math.abs(v) * INV_SQRT_2);
        double fit = C0 + t * (C1 + t * (C2 + t * (C3 + t * (C4 + t * (C5 + t * (C6 + t * (C7 + t * (C8 + t * (C9
                + t * C10)))))))));
        double erfcOfZ = t * fit * gaussian;
        return v >= 0 ? 1 - 0.5 * erfcOfZ : 0.5 * erfcOfZ;
    }
}
