package dev.grove.tensor;

import dev.grove.tensor.internal.BufferPool;
import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;
import java.util.Arrays;

/**
 * 2-D convolution over NCHW tensors as GEMMs over the whole batch. The receptive fields of all
 * images, side by side, form a matrix [C·KH·KW, N·Hout·Wout] ({@link UnfoldedImages}; image i owns
 * columns i·Hout·Wout onwards), and each of the three products of a training step is one large GEMM:
 * W [F, C·KH·KW] times it gives the output [F, N·Hout·Wout] (copied to NCHW order with the bias
 * added); the output gradient, laid out the same way, times its transpose gives the weight gradient;
 * W transposed times the output gradient gives the column gradients, folded back onto the input by
 * col2im.
 *
 * <p>Why one GEMM rather than one per image: the per-image products are small (for the course's
 * CNN, 64×169×288), so packing their operands cost about as much as multiplying them, and the weight
 * gradient had to be summed over images in a second pass. A single product packs each operand once
 * and sums over images inside the GEMM, whose task grid depends only on the shape, so every result
 * is the same for any thread count.
 *
 * <p>Why the unfolded images are never stored: the GEMM gathers them from the input straight into
 * its packing buffer, which saves writing and reading back a matrix kh·kw times the input's size
 * (12 MiB for the course's second layer). The other wide matrices are scratch buffers from a pool:
 * a fresh array that large costs zeroing, and a humongous G1 allocation and its reclaim.
 */
final class Convolution {

    /** Scratch for the wide matrices: at most two are in use at once (backward's gWide and gCols). */
    private static final BufferPool SCRATCH = new BufferPool(4);

    private Convolution() {
    }

    /** The convolution, followed by a relu when {@code relu} (applied during the copy to NCHW order). */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int strideH, int strideW, int padH, int padW,
                         boolean relu) {
        ConvGeometry geo = geometry(input, weight, bias, strideH, strideW, padH, padW);
        Kernels kernels = KernelSelector.active();
        int patch = geo.patch();
        int pixels = geo.pixels();
        int width = geo.width();
        float[] wide = SCRATCH.take(geo.f() * width);
        kernels.gemm(false, geo.f(), width, patch, weight.data, 0, patch,
                new UnfoldedImages(input.data, geo).patchRows(), wide, 0, width, false);
        float[] out = new float[geo.n() * geo.f() * pixels];
        ThreadBudget.parallelFor(geo.n(), img -> {
            for (int f = 0; f < geo.f(); f++) {
                float shift = bias == null ? 0f : bias.data[f];
                int at = (img * geo.f() + f) * pixels;
                kernels.affine(wide, f * width + img * pixels, 1f, shift, out, at, pixels);
                if (relu) {
                    kernels.relu(out, at, out, at, pixels);
                }
            }
        });
        SCRATCH.give(wide);
        Tensor result = new Tensor(out, new int[] {geo.n(), geo.f(), geo.outH(), geo.outW()});
        return Tensor.record(result, relu ? "conv2dRelu" : "conv2d",
                g -> backward(g, relu ? out : null, input, weight, bias, geo, kernels), input, weight, bias);
    }

    /**
     * relu(conv2d) then max pooling over {@code size}×{@code size} windows {@code stride} apart (no
     * padding), without writing the convolution's output: each image's planes are pooled from the
     * GEMM's result as they are copied out, and the backward pass sends each pooled gradient straight
     * to its window's maximum in the output-gradient matrix. The values and gradients are those of
     * the three ops in turn, bit for bit: a relu output is never NaN, windows are searched in the
     * same order with the first maximum kept, and gradients of overlapping windows are added in the
     * same order.
     */
    static Tensor conv2dReluMaxPool(Tensor input, Tensor weight, Tensor bias, int stride, int padding,
                                    int size, int poolStride) {
        ConvGeometry geo = geometry(input, weight, bias, stride, stride, padding, padding);
        if (size < 1 || poolStride < 1) {
            throw new IllegalArgumentException("conv2dReluMaxPool: need pool size >= 1 and stride >= 1, got size "
                    + size + ", stride " + poolStride);
        }
        if (geo.outH() < size || geo.outW() < size) {
            throw new IllegalArgumentException("conv2dReluMaxPool: window " + size + "x" + size
                    + " is larger than the convolution's output " + geo.outH() + "x" + geo.outW());
        }
        Kernels kernels = KernelSelector.active();
        int pixels = geo.pixels();
        int width = geo.width();
        int poolH = (geo.outH() - size) / poolStride + 1;
        int poolW = (geo.outW() - size) / poolStride + 1;
        int pooledPlane = poolH * poolW;
        float[] wide = SCRATCH.take(geo.f() * width);
        kernels.gemm(false, geo.f(), width, geo.patch(), weight.data, 0, geo.patch(),
                new UnfoldedImages(input.data, geo).patchRows(), wide, 0, width, false);
        float[] pooled = new float[geo.n() * geo.f() * pooledPlane];
        // For each pooled value, the index in the [F, width] gradient matrix of its window's maximum.
        int[] argmax = new int[pooled.length];
        ThreadBudget.parallelFor(geo.n(), img -> {
            float[] plane = new float[pixels];
            for (int f = 0; f < geo.f(); f++) {
                int at = f * width + img * pixels;
                float shift = bias == null ? 0f : bias.data[f];
                kernels.affine(wide, at, 1f, shift, plane, 0, pixels);
                kernels.relu(plane, 0, plane, 0, pixels);
                int o = (img * geo.f() + f) * pooledPlane;
                for (int oy = 0; oy < poolH; oy++) {
                    for (int ox = 0; ox < poolW; ox++, o++) {
                        int bestAt = (oy * poolStride) * geo.outW() + ox * poolStride;
                        float best = plane[bestAt];
                        for (int ky = 0; ky < size; ky++) {
                            int row = (oy * poolStride + ky) * geo.outW() + ox * poolStride;
                            for (int kx = 0; kx < size; kx++) {
                                if (plane[row + kx] > best) {
                                    best = plane[row + kx];
                                    bestAt = row + kx;
                                }
                            }
                        }
                        pooled[o] = best;
                        argmax[o] = at + bestAt;
                    }
                }
            }
        });
        SCRATCH.give(wide);
        Tensor result = new Tensor(pooled, new int[] {geo.n(), geo.f(), poolH, poolW});
        return Tensor.record(result, "conv2dReluMaxPool", g -> {
            float[] gWide = SCRATCH.take(geo.f() * width);
            ThreadBudget.parallelFor(geo.n(), img -> {
                for (int f = 0; f < geo.f(); f++) {
                    int at = f * width + img * pixels;
                    Arrays.fill(gWide, at, at + pixels, 0f);
                    int o = (img * geo.f() + f) * pooledPlane;
                    for (int end = o + pooledPlane; o < end; o++) {
                        // The relu passes the gradient only where its output, the window's maximum, is positive.
                        if (pooled[o] > 0f) {
                            gWide[argmax[o]] += g.data[o];
                        }
                    }
                }
            });
            return gradients(gWide, input, weight, bias, geo, kernels);
        }, input, weight, bias);
    }

    /**
     * @param reluOutput the op's output when it ends with a relu (the gradient passes where it is
     *                   positive), else null
     */
    private static Tensor[] backward(Tensor g, float[] reluOutput, Tensor input, Tensor weight, Tensor bias,
                                     ConvGeometry geo, Kernels kernels) {
        int pixels = geo.pixels();
        int width = geo.width();
        float[] gWide = SCRATCH.take(geo.f() * width);
        ThreadBudget.parallelFor(geo.n(), img -> {
            for (int f = 0; f < geo.f(); f++) {
                int at = (img * geo.f() + f) * pixels;
                if (reluOutput == null) {
                    System.arraycopy(g.data, at, gWide, f * width + img * pixels, pixels);
                } else {
                    kernels.reluBackward(reluOutput, at, g.data, at, gWide, f * width + img * pixels, pixels);
                }
            }
        });
        return gradients(gWide, input, weight, bias, geo, kernels);
    }

    /**
     * The gradients of the input, weight and bias from the output gradient laid out as a [F, width]
     * matrix {@code gWide} (a pooled buffer, given back here).
     */
    private static Tensor[] gradients(float[] gWide, Tensor input, Tensor weight, Tensor bias, ConvGeometry geo,
                                      Kernels kernels) {
        int patch = geo.patch();
        int pixels = geo.pixels();
        int width = geo.width();
        Tensor gradInput = null;
        Tensor gradWeight = null;
        Tensor gradBias = null;
        if (weight.requiresGrad()) {
            float[] gw = new float[geo.f() * patch];
            kernels.gemm(false, geo.f(), patch, width, gWide, 0, width,
                    new UnfoldedImages(input.data, geo).patchColumns(), gw, 0, patch, false);
            gradWeight = new Tensor(gw, weight.shape.clone());
        }
        if (bias != null && bias.requiresGrad()) {
            float[] gb = new float[geo.f()];
            for (int f = 0; f < geo.f(); f++) {
                gb[f] = kernels.sum(gWide, f * width, width);
            }
            gradBias = new Tensor(gb, bias.shape.clone());
        }
        if (input.requiresGrad()) {
            float[] gCols = SCRATCH.take(patch * width);
            kernels.gemm(true, false, patch, width, geo.f(), weight.data, 0, patch, gWide, 0, width, gCols, 0, width, false);
            float[] gi = new float[input.data.length];
            ThreadBudget.parallelFor(geo.n(), img -> col2im(gCols, img * pixels, width, geo, img, gi, kernels));
            SCRATCH.give(gCols);
            gradInput = new Tensor(gi, input.shape.clone());
        }
        SCRATCH.give(gWide);
        return new Tensor[] {gradInput, gradWeight, gradBias};
    }

    /** ⌈a / b⌉ for b > 0 and any sign of a. */
    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * Adds image {@code img}'s column gradients (the [patch, pixels] block of {@code gCols} starting
     * at column {@code at} of rows {@code width} long) back onto its input positions.
     */
    private static void col2im(float[] gCols, int at, int width, ConvGeometry geo, int img, float[] gi, Kernels kernels) {
        int row = 0;
        for (int c = 0; c < geo.c(); c++) {
            int plane = (img * geo.c() + c) * geo.h() * geo.w();
            for (int ky = 0; ky < geo.kh(); ky++) {
                for (int kx = 0; kx < geo.kw(); kx++, row++) {
                    int src = row * width + at;
                    int firstOx = Math.max(0, ceilDiv(geo.padW() - kx, geo.strideW()));
                    int endOx = Math.min(geo.outW(), ceilDiv(geo.w() + geo.padW() - kx, geo.strideW()));
                    if (firstOx >= endOx) {
                        continue;
                    }
                    for (int oy = 0; oy < geo.outH(); oy++) {
                        int iy = oy * geo.strideH() - geo.padH() + ky;
                        if (iy < 0 || iy >= geo.h()) {
                            continue;
                        }
                        int dst = plane + iy * geo.w() - geo.padW() + kx;
                        int rowSrc = src + oy * geo.outW();
                        if (geo.strideW() == 1) {
                            kernels.add(gi, dst + firstOx, gCols, rowSrc + firstOx, gi, dst + firstOx, endOx - firstOx);
                        } else {
                            for (int ox = firstOx; ox < endOx; ox++) {
                                gi[dst + ox * geo.strideW()] += gCols[rowSrc + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    private static ConvGeometry geometry(Tensor input, Tensor weight, Tensor bias,
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
        return new ConvGeometry(input.shape[0], input.shape[1], input.shape[2], input.shape[3], weight.shape[0],
                weight.shape[2], weight.shape[3], strideH, strideW, padH, padW, outH, outW);
    }
}
