package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/**
 * 2-D convolution over NCHW tensors by im2col and one GEMM for the whole batch: the unfolded
 * input is laid out as [C·KH·KW, N·Hout·Wout], so the forward pass, the weight gradient and the
 * input gradient are each a single large matrix product.
 */
final class Convolution {

    private Convolution() {
    }

    /** The sizes of one convolution, checked once. */
    private record Geometry(int n, int c, int h, int w, int f, int kh, int kw,
                            int strideH, int strideW, int padH, int padW, int outH, int outW) {
        int patch() {
            return c * kh * kw;
        }

        int pixels() {
            return outH * outW;
        }

        int columns() {
            return n * outH * outW;
        }
    }

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int strideH, int strideW, int padH, int padW) {
        Geometry geo = geometry(input, weight, bias, strideH, strideW, padH, padW);
        Kernels kernels = KernelSelector.active();
        int patch = geo.patch();
        int columns = geo.columns();
        float[] cols = new float[patch * columns];
        ThreadBudget.parallelFor(geo.n, img -> im2col(input.data, geo, img, cols));

        float[] outT = new float[geo.f * columns];
        kernels.gemm(false, false, geo.f, columns, patch, weight.data, 0, patch, cols, 0, columns, outT, 0, columns, false);

        float[] out = new float[geo.n * geo.f * geo.pixels()];
        int pixels = geo.pixels();
        ThreadBudget.parallelFor(geo.n, img -> {
            for (int f = 0; f < geo.f; f++) {
                int dst = (img * geo.f + f) * pixels;
                System.arraycopy(outT, f * columns + img * pixels, out, dst, pixels);
                if (bias != null) {
                    float b = bias.data[f];
                    for (int p = 0; p < pixels; p++) {
                        out[dst + p] += b;
                    }
                }
            }
        });
        Tensor result = new Tensor(out, new int[] {geo.n, geo.f, geo.outH, geo.outW});
        return Tensor.record(result, "conv2d", g -> backward(g, input, weight, bias, geo, cols, kernels), input, weight, bias);
    }

    private static Tensor[] backward(Tensor g, Tensor input, Tensor weight, Tensor bias, Geometry geo,
                                     float[] cols, Kernels kernels) {
        int patch = geo.patch();
        int columns = geo.columns();
        int pixels = geo.pixels();
        float[] gT = new float[geo.f * columns];
        ThreadBudget.parallelFor(geo.n, img -> {
            for (int f = 0; f < geo.f; f++) {
                System.arraycopy(g.data, (img * geo.f + f) * pixels, gT, f * columns + img * pixels, pixels);
            }
        });
        Tensor gradInput = null;
        Tensor gradWeight = null;
        Tensor gradBias = null;
        if (weight.requiresGrad()) {
            float[] gw = new float[geo.f * patch];
            kernels.gemm(false, true, geo.f, patch, columns, gT, 0, columns, cols, 0, columns, gw, 0, patch, false);
            gradWeight = new Tensor(gw, weight.shape.clone());
        }
        if (bias != null && bias.requiresGrad()) {
            float[] gb = new float[geo.f];
            for (int f = 0; f < geo.f; f++) {
                gb[f] = kernels.sum(gT, f * columns, columns);
            }
            gradBias = new Tensor(gb, bias.shape.clone());
        }
        if (input.requiresGrad()) {
            float[] gCols = new float[patch * columns];
            kernels.gemm(true, false, patch, columns, geo.f, weight.data, 0, patch, gT, 0, columns, gCols, 0, columns, false);
            float[] gi = new float[input.data.length];
            ThreadBudget.parallelFor(geo.n, img -> col2im(gCols, geo, img, gi));
            gradInput = new Tensor(gi, input.shape.clone());
        }
        return new Tensor[] {gradInput, gradWeight, gradBias};
    }

    /** Copies image {@code img}'s receptive fields into its column range of {@code cols}. */
    private static void im2col(float[] in, Geometry geo, int img, float[] cols) {
        int columns = geo.columns();
        int pixels = geo.pixels();
        int row = 0;
        for (int c = 0; c < geo.c; c++) {
            int plane = (img * geo.c + c) * geo.h * geo.w;
            for (int ky = 0; ky < geo.kh; ky++) {
                for (int kx = 0; kx < geo.kw; kx++, row++) {
                    int dst = row * columns + img * pixels;
                    for (int oy = 0; oy < geo.outH; oy++) {
                        int iy = oy * geo.strideH - geo.padH + ky;
                        int rowDst = dst + oy * geo.outW;
                        if (iy < 0 || iy >= geo.h) {
                            java.util.Arrays.fill(cols, rowDst, rowDst + geo.outW, 0f);
                            continue;
                        }
                        int src = plane + iy * geo.w;
                        for (int ox = 0; ox < geo.outW; ox++) {
                            int ix = ox * geo.strideW - geo.padW + kx;
                            cols[rowDst + ox] = ix >= 0 && ix < geo.w ? in[src + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    /** Adds image {@code img}'s column gradients back onto its input positions. */
    private static void col2im(float[] gCols, Geometry geo, int img, float[] gi) {
        int columns = geo.columns();
        int pixels = geo.pixels();
        int row = 0;
        for (int c = 0; c < geo.c; c++) {
            int plane = (img * geo.c + c) * geo.h * geo.w;
            for (int ky = 0; ky < geo.kh; ky++) {
                for (int kx = 0; kx < geo.kw; kx++, row++) {
                    int src = row * columns + img * pixels;
                    for (int oy = 0; oy < geo.outH; oy++) {
                        int iy = oy * geo.strideH - geo.padH + ky;
                        if (iy < 0 || iy >= geo.h) {
                            continue;
                        }
                        int dst = plane + iy * geo.w;
                        int rowSrc = src + oy * geo.outW;
                        for (int ox = 0; ox < geo.outW; ox++) {
                            int ix = ox * geo.strideW - geo.padW + kx;
                            if (ix >= 0 && ix < geo.w) {
                                gi[dst + ix] += gCols[rowSrc + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    private static Geometry geometry(Tensor input, Tensor weight, Tensor bias,
                                     int strideH, int strideW, int padH, int padW) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("conv2d: input must be NCHW (rank 4), got shape " + Shapes.str(input.shape));
        }
        if (weight.rank() != 4) {
            throw new IllegalArgumentException("conv2d: weight must be [outChannels, inChannels, kh, kw], got shape "
                    + Shapes.str(weight.shape));
        }
        if (weight.shape[1] != input.shape[1]) {
            throw new IllegalArgumentException("conv2d: input " + Shapes.str(input.shape) + " has " + input.shape[1]
                    + " channels but weight " + Shapes.str(weight.shape) + " expects " + weight.shape[1]);
        }
        if (bias != null && (bias.rank() != 1 || bias.shape[0] != weight.shape[0])) {
            throw new IllegalArgumentException("conv2d: bias must have shape [" + weight.shape[0] + "], got "
                    + Shapes.str(bias.shape));
        }
        if (strideH < 1 || strideW < 1 || padH < 0 || padW < 0) {
            throw new IllegalArgumentException("conv2d: stride must be at least 1 and padding at least 0, got stride ("
                    + strideH + ", " + strideW + ") padding (" + padH + ", " + padW + ")");
        }
        int outH = (input.shape[2] + 2 * padH - weight.shape[2]) / strideH + 1;
        int outW = (input.shape[3] + 2 * padW - weight.shape[3]) / strideW + 1;
        if (input.shape[2] + 2 * padH < weight.shape[2] || input.shape[3] + 2 * padW < weight.shape[3]) {
            throw new IllegalArgumentException("conv2d: kernel " + weight.shape[2] + "x" + weight.shape[3]
                    + " is larger than the padded input " + (input.shape[2] + 2 * padH) + "x" + (input.shape[3] + 2 * padW));
        }
        return new Geometry(input.shape[0], input.shape[1], input.shape[2], input.shape[3], weight.shape[0],
                weight.shape[2], weight.shape[3], strideH, strideW, padH, padW, outH, outW);
    }
}
