package dev.grove.nlp.attention;

import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;

/**
 * The exact GELU, x·Φ(x) = ½x(1 + erf(x/√2)), as PyTorch's {@code nn.GELU()} default
 * ({@code approximate='none'}); ml-neural's {@code gelu} activation is the tanh approximation.
 *
 * <p>The tensors have no erf, so this is one fused op on the kernels' {@link Kernels#gelu}: the
 * forward pass computes each value and, when a graph is recorded, its derivative
 * GELU′(x) = Φ(x) + x·φ(x) in the same pass; the backward pass multiplies the output gradient by the
 * saved derivatives. A bias added just before (a dense layer's) can be fused in too: it is added in
 * float32 first, as a separate add would, and its gradient is the sum of the input gradient over the rows.
 */
final class Gelu {

    /** Elements per parallel task (whole rows are taken); fixed, so the split never depends on the thread count. */
    private static final int CHUNK = 1 << 14;

    private Gelu() {
    }

    /** GELU of every element of {@code x}. */
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
        float[] shift = bias == null ? null : TensorStorage.data(bias);
        Tensor output = Tensor.zeros(shape);
        float[] out = TensorStorage.data(output);
        Tensor derivatives = graph ? Tensor.zeros(shape) : null;
        float[] slope = graph ? TensorStorage.data(derivatives) : null;
        Kernels kernels = KernelSelector.active();
        int rows = width == 0 ? 0 : in.length / width;
        int rowsPerTask = Math.max(1, CHUNK / Math.max(1, width));
        ThreadBudget.parallelFor((rows + rowsPerTask - 1) / rowsPerTask, task -> {
            int from = task * rowsPerTask * width;
            int end = Math.min(rows, (task + 1) * rowsPerTask) * width;
            if (shift == null) {
                kernels.gelu(in, from, out, from, slope, from, end - from);
                return;
            }
            for (int i = from; i < end; i += width) {
                kernels.add(in, i, shift, 0, out, i, width);
            }
            kernels.gelu(out, from, out, from, slope, from, end - from);
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
}
