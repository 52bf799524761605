package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/**
 * 2-D convolution over NCHW tensors by im2col and one GEMM per image: image i's receptive fields
 * are unfolded into a [C·KH·KW, Hout·Wout] block, and W [F, C·KH·KW] times that block is image i's
 * output [F, Hout·Wout], already in NCHW order. Per image, the unfolded block stays in cache while
 * the GEMM reads it, and no transpose of the output is needed; images run in parallel.
 *
 * <p>The weight gradient sums over images; it is accumulated in fixed chunks of
 * {@value #IMAGES_PER_CHUNK} images and the chunks are added in order, so the result does not
 * depend on the thread count.
 */
final class Convolution {

    /** Images whose weight-gradient terms one task accumulates. */
    private static final int IMAGES_PER_CHUNK = 4;

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
    }

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int strideH, int strideW, int padH, int padW) {
        Geometry geo = geometry(input, weight, bias, strideH, strideW, padH, padW);
        Kernels kernels = KernelSelector.active();
        int patch = geo.patch();
        int pixels = geo.pixels();
        float[] cols = new float[geo.n * patch * pixels];
        float[] out = new float[geo.n * geo.f * pixels];
        ThreadBudget.parallelFor(geo.n, img -> {
            int colsAt = img * patch * pixels;
            int outAt = img * geo.f * pixels;
            im2col(input.data, geo, img, cols, colsAt);
            kernels.gemm(false, false, geo.f, pixels, patch, weight.data, 0, patch, cols, colsAt, pixels, out, outAt, pixels, false);
            if (bias != null) {
                for (int f = 0; f < geo.f; f++) {
                    kernels.affine(out, outAt + f * pixels, 1f, bias.data[f], out, outAt + f * pixels, pixels);
                }
            }
        });
        Tensor result = new Tensor(out, new int[] {geo.n, geo.f, geo.outH, geo.outW});
        return Tensor.record(result, "conv2d", g -> backward(g, input, weight, bias, geo, cols, kernels), input, weight, bias);
    }

    private static Tensor[] backward(Tensor g, Tensor input, Tensor weight, Tensor bias, Geometry geo,
                                     float[] cols, Kernels kernels) {
        int patch = geo.patch();
        int pixels = geo.pixels();
        Tensor gradInput = null;
        Tensor gradWeight = null;
        Tensor gradBias = null;
        if (weight.requiresGrad()) {
            int chunks = (geo.n + IMAGES_PER_CHUNK - 1) / IMAGES_PER_CHUNK;
            float[] partial = new float[chunks * geo.f * patch];
            ThreadBudget.parallelFor(chunks, chunk -> {
                int end = Math.min(geo.n, (chunk + 1) * IMAGES_PER_CHUNK);
                for (int img = chunk * IMAGES_PER_CHUNK; img < end; img++) {
                    kernels.gemm(false, true, geo.f, patch, pixels, g.data, img * geo.f * pixels, pixels,
                            cols, img * patch * pixels, pixels, partial, chunk * geo.f * patch, patch,
                            img > chunk * IMAGES_PER_CHUNK);
                }
            });
            float[] gw = java.util.Arrays.copyOf(partial, geo.f * patch);
            for (int chunk = 1; chunk < chunks; chunk++) {
                kernels.axpy(1f, partial, chunk * geo.f * patch, gw, 0, geo.f * patch);
            }
            gradWeight = new Tensor(gw, weight.shape.clone());
        }
        if (bias != null && bias.requiresGrad()) {
            float[] gb = new float[geo.f];
            for (int img = 0; img < geo.n; img++) {
                for (int f = 0; f < geo.f; f++) {
                    gb[f] += kernels.sum(g.data, (img * geo.f + f) * pixels, pixels);
                }
            }
            gradBias = new Tensor(gb, bias.shape.clone());
        }
        if (input.requiresGrad()) {
            float[] gi = new float[input.data.length];
            ThreadBudget.parallelFor(geo.n, img -> {
                float[] gCols = new float[patch * pixels];
                kernels.gemm(true, false, patch, pixels, geo.f, weight.data, 0, patch, g.data, img * geo.f * pixels, pixels,
                        gCols, 0, pixels, false);
                col2im(gCols, geo, img, gi);
            });
            gradInput = new Tensor(gi, input.shape.clone());
        }
        return new Tensor[] {gradInput, gradWeight, gradBias};
    }

    /** Copies image {@code img}'s receptive fields into the [patch, pixels] block at {@code at} of {@code cols}. */
    private static void im2col(float[] in, Geometry geo, int img, float[] cols, int at) {
        int pixels = geo.pixels();
        int row = 0;
        for (int c = 0; c < geo.c; c++) {
            int plane = (img * geo.c + c) * geo.h * geo.w;
            for (int ky = 0; ky < geo.kh; ky++) {
                for (int kx = 0; kx < geo.kw; kx++, row++) {
                    int dst = at + row * pixels;
                    // The output columns whose input column ox·stride − pad + kx lies inside the image.
                    int firstOx = Math.max(0, ceilDiv(geo.padW - kx, geo.strideW));
                    int endOx = Math.min(geo.outW, ceilDiv(geo.w + geo.padW - kx, geo.strideW));
                    for (int oy = 0; oy < geo.outH; oy++) {
                        int iy = oy * geo.strideH - geo.padH + ky;
                        int rowDst = dst + oy * geo.outW;
                        if (iy < 0 || iy >= geo.h || firstOx >= endOx) {
                            java.util.Arrays.fill(cols, rowDst, rowDst + geo.outW, 0f);
                            continue;
                        }
                        java.util.Arrays.fill(cols, rowDst, rowDst + firstOx, 0f);
                        int src = plane + iy * geo.w - geo.padW + kx;
                        if (geo.strideW == 1) {
                            System.arraycopy(in, src + firstOx, cols, rowDst + firstOx, endOx - firstOx);
                        } else {
                            for (int ox = firstOx; ox < endOx; ox++) {
                                cols[rowDst + ox] = in[src + ox * geo.strideW];
                            }
                        }
                        java.util.Arrays.fill(cols, rowDst + endOx, rowDst + geo.outW, 0f);
                    }
                }
            }
        }
    }

    /** ⌈a / b⌉ for b > 0 and any sign of a. */
    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /** Adds image {@code img}'s column gradients ([patch, pixels], at offset 0 of {@code gCols}) back onto its input positions. */
    private static void col2im(float[] gCols, Geometry geo, int img, float[] gi) {
        int pixels = geo.pixels();
        int row = 0;
        for (int c = 0; c < geo.c; c++) {
            int plane = (img * geo.c + c) * geo.h * geo.w;
            for (int ky = 0; ky < geo.kh; ky++) {
                for (int kx = 0; kx < geo.kw; kx++, row++) {
                    int src = row * pixels;
                    int firstOx = Math.max(0, ceilDiv(geo.padW - kx, geo.strideW));
                    int endOx = Math.min(geo.outW, ceilDiv(geo.w + geo.padW - kx, geo.strideW));
                    for (int oy = 0; oy < geo.outH; oy++) {
                        int iy = oy * geo.strideH - geo.padH + ky;
                        if (iy < 0 || iy >= geo.h) {
                            continue;
                        }
                        int dst = plane + iy * geo.w - geo.padW + kx;
                        int rowSrc = src + oy * geo.outW;
                        for (int ox = firstOx; ox < endOx; ox++) {
                            gi[dst + ox * geo.strideW] += gCols[rowSrc + ox];
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
