package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.tensor.ThreadBudget;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kernel results are bitwise identical with a thread budget of 1 and of 2. */
class ThreadBudgetDeterminismTest {

    private int previousBudget;

    @BeforeEach
    void rememberBudget() {
        previousBudget = ThreadBudget.get();
    }

    @AfterEach
    void restoreBudget() {
        ThreadBudget.set(previousBudget);
    }

    /** Big enough for many parallel tasks: ragged in every dimension, and matrix-vector products. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void gemmIsBitwiseIdenticalForOneAndTwoThreads(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        int[][] shapes = {
            {300, 257, 190}, {257, 300, 600}, {64, 1024, 27}, {1030, 70, 45}, {1, 5000, 700}, {2, 3000, 900},
            {32, 27, 9000}
        };
        for (int[] shape : shapes) {
            for (int variant = 0; variant < 4; variant++) {
                boolean transA = (variant & 1) != 0;
                boolean transB = (variant & 2) != 0;
                float[] one = gemm(kernels, 1, transA, transB, shape[0], shape[1], shape[2]);
                float[] two = gemm(kernels, 2, transA, transB, shape[0], shape[1], shape[2]);
                assertThat(TestArrays.bits(two)).as("gemm %dx%dx%d transA=%b transB=%b",
                        shape[0], shape[1], shape[2], transA, transB).isEqualTo(TestArrays.bits(one));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void sumAndDotAreBitwiseIdenticalForOneAndTwoThreads(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(41);
        float[] x = TestArrays.uniform(random, 700_001);
        float[] y = TestArrays.uniform(random, 700_001);
        ThreadBudget.set(1);
        float sumOne = kernels.sum(x, 1, 700_000);
        float dotOne = kernels.dot(x, 0, y, 1, 700_000);
        ThreadBudget.set(2);
        assertThat(Float.floatToRawIntBits(kernels.sum(x, 1, 700_000))).isEqualTo(Float.floatToRawIntBits(sumOne));
        assertThat(Float.floatToRawIntBits(kernels.dot(x, 0, y, 1, 700_000))).isEqualTo(Float.floatToRawIntBits(dotOne));
    }

    private static float[] gemm(Kernels kernels, int threads, boolean transA, boolean transB, int m, int n, int k) {
        ThreadBudget.set(threads);
        Random random = new Random(42);
        float[] a = TestArrays.uniform(random, m * k);
        float[] b = TestArrays.uniform(random, k * n);
        float[] c = TestArrays.uniform(random, m * n);
        kernels.gemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, true);
        return c;
    }
}
