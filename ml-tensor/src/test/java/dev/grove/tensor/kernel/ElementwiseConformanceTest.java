package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elementwise kernels of every implementation. Each output is one float32 operation (or two, for
 * affine and axpy, rounded separately), so every implementation must match the plain Java
 * expression bitwise; lengths cover empty, shorter than a vector, exact multiples and tails.
 */
class ElementwiseConformanceTest {

    private static final int[] LENGTHS = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1027};

    private interface Expected {
        float at(float x, float y);
    }

    private static void assertElementwise(String op, float[] out, int outOffset, float[] x, int xOffset,
                                          float[] y, int yOffset, int n, Expected expected) {
        for (int i = 0; i < n; i++) {
            float want = expected.at(x[xOffset + i], y[yOffset + i]);
            assertThat(Float.floatToRawIntBits(out[outOffset + i]))
                    .as("%s, n=%d: element %d is %s, expected %s", op, n, i, out[outOffset + i], want)
                    .isEqualTo(Float.floatToRawIntBits(want));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void binaryOpsMatchFloatArithmetic(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(21);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n + 3);
            float[] y = TestArrays.uniform(random, n + 5);
            float[] out = new float[n + 2];
            kernels.add(x, 3, y, 5, out, 2, n);
            assertElementwise("add", out, 2, x, 3, y, 5, n, (a, b) -> a + b);
            kernels.sub(x, 3, y, 5, out, 2, n);
            assertElementwise("sub", out, 2, x, 3, y, 5, n, (a, b) -> a - b);
            kernels.mul(x, 3, y, 5, out, 2, n);
            assertElementwise("mul", out, 2, x, 3, y, 5, n, (a, b) -> a * b);
            kernels.div(x, 3, y, 5, out, 2, n);
            assertElementwise("div", out, 2, x, 3, y, 5, n, (a, b) -> a / b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void affineAndAxpyRoundTheProductAndTheSumSeparately(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(22);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n + 1);
            float[] out = new float[n + 4];
            kernels.affine(x, 1, 1.7f, -0.3f, out, 4, n);
            assertElementwise("affine", out, 4, x, 1, x, 1, n, (a, ignored) -> a * 1.7f + -0.3f);

            float[] y = TestArrays.uniform(random, n + 2);
            float[] before = y.clone();
            kernels.axpy(-2.3f, x, 1, y, 2, n);
            assertElementwise("axpy", y, 2, x, 1, before, 2, n, (a, b) -> b + -2.3f * a);
            assertThat(y[0]).isEqualTo(before[0]);
            assertThat(y[1]).isEqualTo(before[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void reluKeepsPositiveValuesAndMapsEverythingElseToPositiveZero(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(23);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n);
            if (n > 5) {
                x[1] = Float.NaN;
                x[2] = -0f;
                x[3] = Float.POSITIVE_INFINITY;
                x[4] = Float.NEGATIVE_INFINITY;
                x[n - 1] = Float.NaN;
            }
            float[] out = new float[n];
            kernels.relu(x, 0, out, 0, n);
            assertElementwise("relu", out, 0, x, 0, x, 0, n, (a, ignored) -> a > 0f ? a : 0f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void reluBackwardPassesTheGradientWhereTheInputIsPositive(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(25);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n + 1);
            float[] g = TestArrays.uniform(random, n + 3);
            if (n > 5) {
                x[2] = Float.NaN;
                x[3] = -0f;
                x[4] = 0f;
            }
            float[] out = new float[n + 2];
            kernels.reluBackward(x, 1, g, 3, out, 2, n);
            assertElementwise("reluBackward", out, 2, x, 1, g, 3, n, (a, b) -> a > 0f ? b : 0f);
            assertThat(out[0]).isZero();
            assertThat(out[1]).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void outputMayAliasAnInput(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(24);
        float[] x = TestArrays.uniform(random, 45);
        float[] y = TestArrays.uniform(random, 45);
        float[] expected = new float[45];
        for (int i = 0; i < 45; i++) {
            expected[i] = x[i] * y[i];
        }
        kernels.mul(x, 0, y, 0, x, 0, 45);
        assertThat(TestArrays.bits(x)).isEqualTo(TestArrays.bits(expected));
    }
}
