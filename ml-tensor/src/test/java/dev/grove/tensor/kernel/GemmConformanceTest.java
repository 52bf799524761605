package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Kernels#gemm} of every implementation against a float64 reference. */
class GemmConformanceTest {

    /** Sizes 1..70: powers of two, their neighbours and primes. */
    private static final int[] SIZES = {1, 2, 3, 5, 7, 8, 13, 16, 17, 31, 32, 33, 47, 64, 65, 70};

    private static List<int[]> oddShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            shapes.add(new int[] {SIZES[i], SIZES[i], SIZES[i]});
            shapes.add(new int[] {SIZES[i], SIZES[(i + 5) % SIZES.length], SIZES[(3 * i + 7) % SIZES.length]});
            shapes.add(new int[] {SIZES[(i + 11) % SIZES.length], SIZES[i], SIZES[(5 * i + 2) % SIZES.length]});
        }
        return shapes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void matchesTheReferenceOnSmallAndOddShapes(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(11);
        for (int[] shape : oddShapes()) {
            for (int variant = 0; variant < 8; variant++) {
                GemmCase g = new GemmCase(random, (variant & 1) != 0, (variant & 2) != 0,
                        shape[0], shape[1], shape[2], (variant & 4) != 0, false);
                g.run(kernels);
                GemmAssertions.assertMatchesReference(g);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void isExactWhenEverySumIsRepresentable(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(12);
        int[][] shapes = {{1, 1, 1}, {4, 4, 4}, {6, 16, 1}, {7, 17, 300}, {19, 23, 529}, {64, 70, 27}};
        for (int[] shape : shapes) {
            for (int variant = 0; variant < 8; variant++) {
                GemmCase g = new GemmCase(random, (variant & 1) != 0, (variant & 2) != 0,
                        shape[0], shape[1], shape[2], (variant & 4) != 0, true);
                g.run(kernels);
                GemmAssertions.assertExact(g);
            }
        }
    }

    /**
     * Shapes that cross every blocking boundary of a cache-blocked implementation (several row
     * blocks, k steps, k super-blocks and column blocks, and deep products split along k with a
     * ragged last slice) and large matrix-vector products.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void matchesTheReferenceAcrossBlockBoundaries(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(13);
        int[][] shapes = {
            {300, 40, 50}, {150, 33, 520}, {256, 256, 300}, {7, 4100, 300}, {64, 1024, 27}, {1, 5000, 700}, {2, 5, 3000},
            {32, 27, 9000}, {40, 300, 2100}
        };
        for (int s = 0; s < shapes.length; s++) {
            for (int variant = 0; variant < 4; variant++) {
                GemmCase g = new GemmCase(random, (variant & 1) != 0, (variant & 2) != 0,
                        shapes[s][0], shapes[s][1], shapes[s][2], (variant + s) % 2 == 0, false);
                g.run(kernels);
                GemmAssertions.assertMatchesReference(g);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void zeroDepthClearsOrKeepsC(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] c = {9f, 1f, 2f, 9f, 3f, 4f, 9f};
        kernels.gemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, c, 1, 3, true);
        assertThat(c).containsExactly(9f, 1f, 2f, 9f, 3f, 4f, 9f);
        kernels.gemm(true, true, 2, 2, 0, new float[0], 0, 2, new float[0], 0, 1, c, 1, 3, false);
        assertThat(c).containsExactly(9f, 0f, 0f, 9f, 0f, 0f, 9f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void emptyOutputsWriteNothing(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] a = {1f, 2f, 3f};
        float[] c = {7f, 7f, 7f};
        kernels.gemm(false, false, 0, 3, 1, a, 0, 1, a, 0, 3, c, 0, 3, false);
        kernels.gemm(false, false, 3, 0, 1, a, 0, 1, a, 0, 1, c, 0, 1, false);
        assertThat(c).containsExactly(7f, 7f, 7f);
    }
}
