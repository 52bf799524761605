package dev.grove.tensor;

/** Max and average pooling over square windows of NCHW tensors, parallel over channel planes. */
final class Pooling {

    private Pooling() {
    }

    private record Window(int planes, int h, int w, int kernel, int stride, int padding, int outH, int outW) {
    }

    static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        Window win = window("maxPool2d", x, kernel, stride, padding);
        int outPlane = win.outH * win.outW;
        float[] out = new float[win.planes * outPlane];
        int[] argmax = new int[out.length];
        float[] data = x.data;
        ThreadBudget.parallelFor(win.planes, p -> {
            int in = p * win.h * win.w;
            if (kernel == 2 && stride == 2 && padding == 0) {
                maxPlane2x2(data, in, win, out, argmax, p * outPlane);
                return;
            }
            for (int oy = 0; oy < win.outH; oy++) {
                for (int ox = 0; ox < win.outW; ox++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int bestAt = -1;
                    for (int ky = 0; ky < kernel; ky++) {
                        int iy = oy * stride - padding + ky;
                        if (iy < 0 || iy >= win.h) {
                            continue;
                        }
                        for (int kx = 0; kx < kernel; kx++) {
                            int ix = ox * stride - padding + kx;
                            if (ix < 0 || ix >= win.w) {
                                continue;
                            }
                            float v = data[in + iy * win.w + ix];
                            // !(v <= best) is v > best or v is NaN: a NaN wins and ends the search.
                            if (bestAt < 0 || !(v <= best)) {
                                best = v;
                                bestAt = in + iy * win.w + ix;
                                if (v != v) {
                                    break;
                                }
                            }
                        }
                    }
                    int o = p * outPlane + oy * win.outW + ox;
                    out[o] = best;
                    argmax[o] = bestAt;
                }
            }
        });
        int[] shape = {x.shape[0], x.shape[1], win.outH, win.outW};
        return Tensor.record(new Tensor(out, shape), "maxPool2d", g -> {
            float[] back = new float[x.data.length];
            // Windows of one plane only touch that plane, so planes can be scattered in parallel.
            ThreadBudget.parallelFor(win.planes, p -> {
                for (int o = p * outPlane; o < (p + 1) * outPlane; o++) {
                    back[argmax[o]] += g.data[o];
                }
            });
            return new Tensor[] {new Tensor(back, x.shape.clone())};
        }, x);
    }

    /**
     * The common 2×2, stride 2, unpadded window without bounds checks: the same choice as the
     * general loop (the first maximum in row order; a NaN wins). The maximum comes from
     * {@link Math#max}, which has no branch, and the winner's index from bit masks: the first of the
     * four values equal to it. Choosing by comparisons and branches mispredicted about once per
     * window on real data, which made this loop about a tenth of a CNN training step; this form
     * halves it. A window holding a NaN (the maximum is then NaN) takes its first NaN.
     */
    private static void maxPlane2x2(float[] data, int in, Window win, float[] out, int[] argmax, int o) {
        int w = win.w;
        for (int oy = 0; oy < win.outH; oy++) {
            int top = in + 2 * oy * w;
            for (int ox = 0; ox < win.outW; ox++, o++) {
                int at = top + 2 * ox;
                float v0 = data[at];
                float v1 = data[at + 1];
                float v2 = data[at + w];
                float v3 = data[at + w + 1];
                float max = Math.max(Math.max(v0, v1), Math.max(v2, v3));
                int bestAt;
                if (max != max) {
                    bestAt = v0 != v0 ? at : v1 != v1 ? at + 1 : v2 != v2 ? at + w : at + w + 1;
                } else {
                    // Adding +0 turns -0 into +0, so equal values have equal bits.
                    int maxBits = Float.floatToRawIntBits(max + 0f);
                    int is0 = allOnesIfZero(Float.floatToRawIntBits(v0 + 0f) ^ maxBits);
                    int is1 = allOnesIfZero(Float.floatToRawIntBits(v1 + 0f) ^ maxBits) & ~is0;
                    int is2 = allOnesIfZero(Float.floatToRawIntBits(v2 + 0f) ^ maxBits) & ~(is0 | is1);
                    int is3 = ~(is0 | is1 | is2);
                    bestAt = at + (is1 & 1) + (is2 & w) + (is3 & (w + 1));
                }
                out[o] = data[bestAt];
                argmax[o] = bestAt;
            }
        }
    }

    /** -1 (all bits set) if {@code x} is 0, else 0. */
    private static int allOnesIfZero(int x) {
        return ~((x | -x) >> 31);
    }

    static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        Window win = window("avgPool2d", x, kernel, stride, padding);
        int outPlane = win.outH * win.outW;
        float scale = 1f / (kernel * kernel);
        float[] out = new float[win.planes * outPlane];
        ThreadBudget.parallelFor(win.planes, p -> {
            int in = p * win.h * win.w;
            for (int oy = 0; oy < win.outH; oy++) {
                for (int ox = 0; ox < win.outW; ox++) {
                    float total = 0;
                    for (int ky = 0; ky < kernel; ky++) {
                        int iy = oy * stride - padding + ky;
                        for (int kx = 0; kx < kernel && iy >= 0 && iy < win.h; kx++) {
                            int ix = ox * stride - padding + kx;
                            if (ix >= 0 && ix < win.w) {
                                total += x.data[in + iy * win.w + ix];
                            }
                        }
                    }
                    out[p * outPlane + oy * win.outW + ox] = total * scale;
                }
            }
        });
        int[] shape = {x.shape[0], x.shape[1], win.outH, win.outW};
        return Tensor.record(new Tensor(out, shape), "avgPool2d", g -> {
            float[] back = new float[x.data.length];
            ThreadBudget.parallelFor(win.planes, p -> {
                int in = p * win.h * win.w;
                for (int oy = 0; oy < win.outH; oy++) {
                    for (int ox = 0; ox < win.outW; ox++) {
                        float share = g.data[p * outPlane + oy * win.outW + ox] * scale;
                        for (int ky = 0; ky < kernel; ky++) {
                            int iy = oy * stride - padding + ky;
                            for (int kx = 0; kx < kernel && iy >= 0 && iy < win.h; kx++) {
                                int ix = ox * stride - padding + kx;
                                if (ix >= 0 && ix < win.w) {
                                    back[in + iy * win.w + ix] += share;
                                }
                            }
                        }
                    }
                }
            });
            return new Tensor[] {new Tensor(back, x.shape.clone())};
        }, x);
    }

    private static Window window(String op, Tensor x, int kernel, int stride, int padding) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(op + ": input must be NCHW (rank 4), got shape " + Shapes.str(x.shape));
        }
        if (kernel < 1 || stride < 1 || padding < 0 || padding * 2 > kernel) {
            throw new IllegalArgumentException(op + ": need kernel >= 1, stride >= 1 and 0 <= padding <= kernel/2, got kernel "
                    + kernel + ", stride " + stride + ", padding " + padding);
        }
        int h = x.shape[2];
        int w = x.shape[3];
        if (h + 2 * padding < kernel || w + 2 * padding < kernel) {
            throw new IllegalArgumentException(op + ": window " + kernel + "x" + kernel + " is larger than the padded input "
                    + (h + 2 * padding) + "x" + (w + 2 * padding));
        }
        int outH = (h + 2 * padding - kernel) / stride + 1;
        int outW = (w + 2 * padding - kernel) / stride + 1;
        return new Window(x.shape[0] * x.shape[1], h, w, kernel, stride, padding, outH, outW);
    }
}
