package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sum, dot and max of every implementation. Sums and dot products accumulate in float64, so they
 * must equal the exact result rounded once to float32, give or take one ulp.
 */
class ReductionConformanceTest {

    /** Includes lengths beyond one 65 536-element partial-sum block. */
    private static final int[] LENGTHS = {1, 2, 7, 8, 9, 16, 17, 33, 100, 1027, 65_536, 200_003};

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void sumIsTheFloat64SumRoundedOnce(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(31);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n + 3);
            double exact = 0;
            for (int i = 0; i < n; i++) {
                exact += x[3 + i];
            }
            float want = (float) exact;
            assertThat(kernels.sum(x, 3, n)).as("sum of %d", n).isCloseTo(want, within(Math.ulp(want)));
        }
        assertThat(kernels.sum(new float[] {1f, 2f}, 1, 0)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void sumDoesNotLoseSmallTermsNextToLargeOnes(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] x = new float[4099];
        x[0] = 1e8f;
        java.util.Arrays.fill(x, 1, x.length, 1f);
        assertThat(kernels.sum(x, 0, x.length)).isEqualTo(1e8f + 4098f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void dotIsTheFloat64DotRoundedOnce(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(32);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n + 1);
            float[] y = TestArrays.uniform(random, n + 4);
            double exact = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) x[1 + i] * y[4 + i];
            }
            float want = (float) exact;
            assertThat(kernels.dot(x, 1, y, 4, n)).as("dot of %d", n).isCloseTo(want, within(Math.ulp(want)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void maxFindsTheLargestElementAnywhere(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(33);
        for (int n : LENGTHS) {
            float[] x = TestArrays.uniform(random, n + 2);
            for (int at : new int[] {0, n / 2, n - 1}) {
                float[] withPeak = x.clone();
                withPeak[2 + at] = 5f;
                assertThat(kernels.max(withPeak, 2, n)).as("max of %d with the peak at %d", n, at).isEqualTo(5f);
            }
        }
        assertThat(kernels.max(new float[] {-3f, -1f, -2f}, 0, 3)).isEqualTo(-1f);
        assertThat(kernels.max(new float[] {9f, Float.NEGATIVE_INFINITY}, 1, 1)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(kernels.max(new float[] {1f, Float.POSITIVE_INFINITY, 2f}, 0, 3)).isEqualTo(Float.POSITIVE_INFINITY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void maxIsNaNWhenAnyElementIsNaN(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(34);
        for (int n : new int[] {1, 7, 8, 9, 33, 100, 1027}) {
            for (int at : new int[] {0, n / 2, n - 1}) {
                float[] x = TestArrays.uniform(random, n + 1);
                x[1 + at] = Float.NaN;
                assertThat(kernels.max(x, 1, n)).as("max of %d with NaN at %d", n, at).isNaN();
            }
        }
    }
}
