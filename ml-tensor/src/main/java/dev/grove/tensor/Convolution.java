package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/**
 * 2-D convolution over NCHW tensors by im2col and one GEMM for the whole batch: the receptive
 * fields of all images are unfolded into one [C·KH·KW, N·Hout·Wout] matrix (image i owns columns
 * [i·P, (i+1)·P) with P = Hout·Wout), and W [F, C·KH·KW] times it is the output as [F, N·P], which a
 * cheap pass reorders to NCHW while adding the bias. One large product instead of N small ones packs
 * the weights once per block instead of once per image, and has no ragged column edge per image.
 *
 * <p>The backward pass reorders the output gradient to [F, N·P] once and uses it for both products:
 * the weight gradient {@code cols · gᵀ} (a sum over every pixel of every image, reduced by the GEMM
 * in a fixed order) and the column gradients {@code Wᵀ · g}, which col2im adds back onto the input.
 * Every product's task grid depends only on the shapes, so results do not depend on the thread count.
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

        /** Columns of the batch-wide matrices: every output pixel of every image. */
        int columns() {
            return n * pixels();
        }
    }

    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int strideH, int strideW, int padH, int padW) {
        Geometry geo = geometry(input, weight, bias, strideH, strideW, padH, padW);
        Kernels kernels = KernelSelector.active();
        int patch = geo.patch();
        int pixels = geo.pixels();
        int columns = geo.columns();
        float[] cols = new float[patch * columns];
        ThreadBudget.parallelFor(geo.n, img -> im2col(input.data, geo, img, cols, img * pixels, columns));
        float[] byFilter = new float[geo.f * columns];
        kernels.gemm(false, false, geo.f, columns, patch, weight.data, 0, patch, cols, 0, columns, byFilter, 0, columns, false);
        float[] out = new float[geo.n * geo.f * pixels];
        ThreadBudget.parallelFor(geo.n, img -> {
            for (int f = 0; f < geo.f; f++) {
                int from = f * columns + img * pixels;
                int to = (img * geo.f + f) * pixels;
                if (bias == null) {
                    System.arraycopy(byFilter, from, out, to, pixels);
                } else {
                    kernels.affine(byFilter, from, 1f, bias.data[f], out, to, pixels);
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
        int columns = geo.columns();
        // g as [F, N·P]: the layout of the forward product's output, shared by all three gradients.
        float[] gByFilter = new float[geo.f * columns];
        ThreadBudget.parallelFor(geo.n, img -> {
            for (int f = 0; f < geo.f; f++) {
                System.arraycopy(g.data, (img * geo.f + f) * pixels, gByFilter, f * columns + img * pixels, pixels);
            }
        });
        Tensor gradInput = null;
        Tensor gradWeight = null;
        Tensor gradBias = null;
        if (weight.requiresGrad()) {
            // gWᵀ [patch, F] = cols [patch, N·P] · gᵀ: the unfolded matrix is the larger operand, and
            // as A it is packed row by row; only the smaller g is read transposed.
            float[] gwTransposed = new float[patch * geo.f];
            kernels.gemm(false, true, patch, geo.f, columns, cols, 0, columns, gByFilter, 0, columns,
                    gwTransposed, 0, geo.f, false);
            float[] gw = new float[geo.f * patch];
            for (int r = 0; r < patch; r++) {
                for (int f = 0; f < geo.f; f++) {
                    gw[f * patch + r] = gwTransposed[r * geo.f + f];
                }
            }
            gradWeight = new Tensor(gw, weight.shape.clone());
        }
        if (bias != null && bias.requiresGrad()) {
            float[] gb = new float[geo.f];
            for (int f = 0; f < geo.f; f++) {
                gb[f] = kernels.sum(gByFilter, f * columns, columns);
            }
            gradBias = new Tensor(gb, bias.shape.clone());
        }
        if (input.requiresGrad()) {
            float[] gCols = new float[patch * columns];
            kernels.gemm(true, false, patch, columns, geo.f, weight.data, 0, patch, gByFilter, 0, columns,
                    gCols, 0, columns, false);
            float[] gi = new float[input.data.length];
            ThreadBudget.parallelFor(geo.n, img -> col2im(gCols, geo, img, img * pixels, columns, gi));
            gradInput = new Tensor(gi, input.shape.clone());
        }
        return new Tensor[] {gradInput, gradWeight, gradBias};
    }

    /**
     * Copies image {@code img}'s receptive fields into {@code cols}, a [patch, ld] matrix: row r of
     * the image's block starts at {@code at + r·ld} and holds its Hout·Wout pixels.
     */
    private static void im2col(float[] in, Geometry geo, int img, float[] cols, int at, int ld) {
        int row = 0;
        for (int c = 0; c < geo.c; c++) {
            int plane = (img * geo.c + c) * geo.h * geo.w;
            for (int ky = 0; ky < geo.kh; ky++) {
                for (int kx = 0; kx < geo.kw; kx++, row++) {
                    int dst = at + row * ld;
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

    /**
     * Adds image {@code img}'s column gradients back onto its input positions: {@code gCols} is a
     * [patch, ld] matrix whose image block starts at column {@code at}.
     */
    private static void col2im(float[] gCols, Geometry geo, int img, int at, int ld, float[] gi) {
        int row = 0;
        for (int c = 0; c < geo.c; c++) {
            int plane = (img * geo.c + c) * geo.h * geo.w;
            for (int ky = 0; ky < geo.kh; ky++) {
                for (int kx = 0; kx < geo.kw; kx++, row++) {
                    int src = at + row * ld;
                    int firstOx = Math.max(0, ceilDiv(geo.padW - kx, geo.strideW));
                    int endOx = Math.min(geo.outW, ceilDiv(geo.w + geo.padW - kx, geo.strideW));
                    for (int oy = 0; oy < geo.outH; oy++) {
                        int iy = oy * geo.strideH - geo.padH + ky;
                        if (iy < 0 || iy >= geo.h || firstOx >= endOx) {
                            continue;
                        }
                        int dst = plane + iy * geo.w - geo.padW + kx;
                        int rowSrc = src + oy * geo.outW;
                        if (geo.strideW == 1) {
                            // A contiguous run, without the stride multiply, which C2 can unroll.
                            for (int ox = firstOx; ox < endOx; ox++) {
                                gi[dst + ox] += gCols[rowSrc + ox];
                            }
                        } else {
                            for (int ox = firstOx; ox < endOx; ox++) {
                                gi[dst + ox * geo.strideW] += gCols[rowSrc + ox];
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
