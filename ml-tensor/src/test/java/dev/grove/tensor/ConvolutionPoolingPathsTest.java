package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of conv2d (receptive fields gathered block by block into the GEMM's packing, with
 * padding and strides; column gradients folded back per image) and of 2×2 max pooling (branch-free
 * maximum and index), against their definitions written as plain loops in double precision, on
 * shapes whose output pixels do not fill the GEMM's micro-panels evenly.
 */
class ConvolutionPoolingPathsTest {

    private int previousBudget;

    @BeforeEach
    void remember() {
        previousBudget = ThreadBudget.get();
    }

    @AfterEach
    void restore() {
        ThreadBudget.set(previousBudget);
    }

    /**
     * n, channels, h, w, filters, kh, kw, stride, padding. Micro-panels of output pixels straddle
     * images (10×10 outputs); two filters take the unpacked GEMM; stride 2 takes the strided col2im
     * loop, padding 1 the clipped rows and columns.
     */
    @ParameterizedTest
    @CsvSource({
        "7, 3, 12, 12, 5, 3, 3, 1, 0",
        "5, 2, 11, 9, 4, 3, 3, 2, 1",
        "2, 3, 32, 32, 6, 3, 3, 1, 0",
        "9, 4, 4, 5, 3, 3, 2, 1, 1",
        "3, 1, 7, 7, 2, 1, 1, 1, 0"})
    void conv2dForwardAndGradientsMatchTheDefinition(int n, int c, int h, int w, int f, int kh, int kw,
                                                     int stride, int padding) {
        Rng rng = new Rng(n * 31 + h);
        Tensor x = Tensor.randn(rng, n, c, h, w).requiresGrad(true);
        Tensor weight = Tensor.randn(rng, f, c, kh, kw).requiresGrad(true);
        Tensor bias = Tensor.randn(rng, f).requiresGrad(true);
        Tensor y = x.conv2d(weight, bias, stride, stride, padding, padding);
        int outH = (h + 2 * padding - kh) / stride + 1;
        int outW = (w + 2 * padding - kw) / stride + 1;
        assertThat(y.shape()).containsExactly(n, f, outH, outW);
        // Upstream gradient: fixed, distinct values so every position's contribution is visible.
        Tensor upstream = Tensor.randn(new Rng(5), n, f, outH, outW);
        y.mul(upstream).sum().backward();

        float[] xs = x.toFloatArray();
        float[] ws = weight.toFloatArray();
        float[] gs = upstream.toFloatArray();
        double[] gx = new double[xs.length];
        double[] gw = new double[ws.length];
        double[] gb = new double[f];
        for (int img = 0; img < n; img++) {
            for (int o = 0; o < f; o++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        int outAt = ((img * f + o) * outH + oy) * outW + ox;
                        double expected = bias.get(o);
                        double g = gs[outAt];
                        gb[o] += g;
                        for (int ch = 0; ch < c; ch++) {
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * stride - padding + ky;
                                    int ix = ox * stride - padding + kx;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        int xAt = ((img * c + ch) * h + iy) * w + ix;
                                        int wAt = ((o * c + ch) * kh + ky) * kw + kx;
                                        expected += (double) xs[xAt] * ws[wAt];
                                        gx[xAt] += g * ws[wAt];
                                        gw[wAt] += g * xs[xAt];
                                    }
                                }
                            }
                        }
                        assertThat((double) y.toFloatArray()[outAt]).as("output %d", outAt).isCloseTo(expected, within(1e-4));
                    }
                }
            }
        }
        assertClose("input gradient", x.grad().toFloatArray(), gx);
        assertClose("weight gradient", weight.grad().toFloatArray(), gw);
        assertClose("bias gradient", bias.grad().toFloatArray(), gb);
    }

    /**
     * The fused op against the two ops it replaces: the same output and gradients, bit for bit (an
     * upstream gradient of mixed signs and the bias shift many outputs below zero, so the mask matters).
     */
    @ParameterizedTest
    @CsvSource({
        "7, 3, 12, 12, 5, 3, 3, 1, 0",
        "5, 2, 11, 9, 4, 3, 3, 2, 1",
        "3, 1, 7, 7, 2, 1, 1, 1, 0"})
    void conv2dReluGivesTheBitsOfConv2dThenRelu(int n, int c, int h, int w, int f, int kh, int kw, int stride, int padding) {
        float[][] separate = conv2dThenRelu(n, c, h, w, f, kh, kw, stride, padding, false);
        float[][] fused = conv2dThenRelu(n, c, h, w, f, kh, kw, stride, padding, true);
        assertSameBits(fused, separate);
        assertThat(zeros(fused[0])).as("outputs the relu zeroed").isGreaterThan(fused[0].length / 5);
    }

    /**
     * The fused block against conv2dRelu then maxPool2d: the same output and gradients, bit for bit,
     * for non-overlapping windows (the 2×2 fast path of pooling), overlapping windows (whose
     * gradients add up) and windows that leave a ragged edge.
     */
    @ParameterizedTest
    @CsvSource({
        "4, 3, 12, 12, 6, 1, 0, 2, 2",
        "3, 2, 11, 9, 5, 1, 1, 3, 2",
        "2, 3, 9, 10, 4, 2, 1, 2, 1",
        "5, 1, 8, 8, 3, 1, 0, 3, 3"})
    void conv2dReluMaxPoolGivesTheBitsOfTheThreeOps(int n, int c, int h, int w, int f, int stride, int padding,
                                                     int size, int poolStride) {
        float[][] separate = convBlock(n, c, h, w, f, stride, padding, size, poolStride, false);
        float[][] fused = convBlock(n, c, h, w, f, stride, padding, size, poolStride, true);
        assertSameBits(fused, separate);
        assertThat(zeros(fused[0])).as("pooled values that are zero (the relu cut a whole window)").isPositive();
    }

    /** Output, input gradient, weight gradient and bias gradient of a fused op and of the ops it replaces. */
    private static void assertSameBits(float[][] fused, float[][] separate) {
        assertThat(fused[0]).as("output").containsExactly(separate[0]);
        assertThat(fused[1]).as("input gradient").containsExactly(separate[1]);
        assertThat(fused[2]).as("weight gradient").containsExactly(separate[2]);
        assertThat(fused[3]).as("bias gradient").containsExactly(separate[3]);
    }

    private static long zeros(float[] values) {
        long zeros = 0;
        for (float v : values) {
            zeros += v == 0f ? 1 : 0;
        }
        return zeros;
    }

    @Test
    void conv2dReluMaxPoolRejectsAWindowLargerThanTheConvolutionOutput() {
        Tensor x = Tensor.zeros(1, 1, 4, 4);
        assertThatThrownBy(() -> x.conv2dReluMaxPool(Tensor.zeros(2, 1, 3, 3), null, 1, 0, 3, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window 3x3").hasMessageContaining("output 2x2");
    }

    private static float[][] convBlock(int n, int c, int h, int w, int f, int stride, int padding, int size,
                                       int poolStride, boolean fused) {
        Rng rng = new Rng(n * 23 + h);
        Tensor x = Tensor.randn(rng, n, c, h, w).requiresGrad(true);
        Tensor weight = Tensor.randn(rng, f, c, 3, 3).requiresGrad(true);
        // A negative bias shift: some windows are all below zero, so whole pooled values are cut.
        Tensor bias = Tensor.randn(rng, f).sub(1.5f).requiresGrad(true);
        Tensor y = fused
                ? x.conv2dReluMaxPool(weight, bias, stride, padding, size, poolStride)
                : x.conv2dRelu(weight, bias, stride, padding).maxPool2d(size, poolStride, 0);
        Tensor upstream = Tensor.randn(new Rng(13), y.shape());
        y.mul(upstream).sum().backward();
        return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), weight.grad().toFloatArray(),
            bias.grad().toFloatArray()};
    }

    private static float[][] conv2dThenRelu(int n, int c, int h, int w, int f, int kh, int kw, int stride, int padding,
                                            boolean fused) {
        Rng rng = new Rng(n * 17 + h);
        Tensor x = Tensor.randn(rng, n, c, h, w).requiresGrad(true);
        Tensor weight = Tensor.randn(rng, f, c, kh, kw).requiresGrad(true);
        Tensor bias = Tensor.randn(rng, f).requiresGrad(true);
        Tensor y = fused ? x.conv2dRelu(weight, bias, stride, padding) : x.conv2d(weight, bias, stride, padding).relu();
        Tensor upstream = Tensor.randn(new Rng(9), y.shape());
        y.mul(upstream).sum().backward();
        return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), weight.grad().toFloatArray(),
            bias.grad().toFloatArray()};
    }

    @Test
    void conv2dWithRaggedGroupsGivesTheSameBitsWithOneAndTwoThreads() {
        float[][] one = convResults(1);
        float[][] two = convResults(2);
        for (int i = 0; i < one.length; i++) {
            assertThat(two[i]).as("result %d", i).isEqualTo(one[i]);
        }
    }

    private static float[][] convResults(int threads) {
        ThreadBudget.set(threads);
        Rng rng = new Rng(9);
        Tensor x = Tensor.randn(rng, 11, 5, 12, 12).requiresGrad(true);
        Tensor w = Tensor.randn(rng, 7, 5, 3, 3).requiresGrad(true);
        Tensor b = Tensor.randn(rng, 7).requiresGrad(true);
        Tensor y = x.conv2d(w, b, 1, 0);
        y.mul(y).sum().backward();
        return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), w.grad().toFloatArray(), b.grad().toFloatArray()};
    }

    @Test
    void maxPool2x2MatchesTheGeneralRuleOnRandomDataWithTiesSignedZerosAndNaN() {
        Rng rng = new Rng(4);
        int n = 3;
        int c = 4;
        int h = 9;
        int w = 8;
        float[] values = Tensor.randn(rng, n, c, h, w).toFloatArray();
        // Coarse values make ties common; a few signed zeros and NaNs exercise the special cases.
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.round(values[i] * 2f) / 2f;
            if (i % 17 == 3) {
                values[i] = -0f;
            } else if (i % 29 == 5) {
                values[i] = Float.NaN;
            }
        }
        Tensor x = Tensor.of(values, n, c, h, w).requiresGrad(true);
        Tensor pooled = x.maxPool2d(2, 2, 0);
        int outH = h / 2;
        int outW = w / 2;
        float[] out = pooled.toFloatArray();
        Tensor upstream = Tensor.randn(new Rng(6), n, c, outH, outW);
        pooled.mul(upstream).sum().backward();
        float[] g = upstream.toFloatArray();
        float[] expectedGrad = new float[values.length];
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    // The definition: the first maximum in row order, where a NaN beats everything.
                    int best = -1;
                    for (int ky = 0; ky < 2 && !(best >= 0 && Float.isNaN(values[best])); ky++) {
                        for (int kx = 0; kx < 2; kx++) {
                            int at = (plane * h + 2 * oy + ky) * w + 2 * ox + kx;
                            if (best < 0 || Float.isNaN(values[at]) || values[at] > values[best]) {
                                best = at;
                                if (Float.isNaN(values[at])) {
                                    break;
                                }
                            }
                        }
                    }
                    int o = (plane * outH + oy) * outW + ox;
                    assertThat(Float.floatToRawIntBits(out[o])).as("output %d", o)
                            .isEqualTo(Float.floatToRawIntBits(values[best]));
                    expectedGrad[best] += g[o];
                }
            }
        }
        assertThat(x.grad().toFloatArray()).containsExactly(expectedGrad);
    }

    private static void assertClose(String what, float[] actual, double[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s element %d", what, i)
                    .isCloseTo(expected[i], within(1e-3 + 1e-4 * Math.abs(expected[i])));
        }
    }
}
