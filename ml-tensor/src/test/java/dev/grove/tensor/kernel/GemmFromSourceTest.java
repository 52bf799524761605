package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Kernels#gemm(boolean, int, int, int, float[], int, int, MatrixSource, float[], int, int, boolean)}:
 * a B supplied block by block gives exactly the bits of the same B passed as an array (the packed
 * layout is the same, so is every sum), and the source is only asked for blocks inside the matrix.
 */
class GemmFromSourceTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void givesTheBitsOfTheArrayProduct(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(21);
        // Small and odd shapes, a ragged last micro-panel, k over one k step and over a k super-block,
        // and one row (not the packed path).
        int[][] shapes = {{5, 7, 3}, {6, 16, 1}, {64, 1000, 27}, {32, 27, 3000}, {70, 300, 700}, {1, 40, 9}, {9, 4200, 300}};
        for (int[] shape : shapes) {
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    check(kernels, random, shape[0], shape[1], shape[2], transA, accumulate);
                }
            }
        }
    }

    private static void check(Kernels kernels, Random random, int m, int n, int k, boolean transA, boolean accumulate) {
        float[] a = TestArrays.uniform(random, m * k);
        float[] b = TestArrays.uniform(random, k * n);
        float[] start = TestArrays.uniform(random, m * n);
        int lda = transA ? m : k;
        float[] expected = start.clone();
        kernels.gemm(transA, false, m, n, k, a, 0, lda, b, 0, n, expected, 0, n, accumulate);

        AtomicLong outside = new AtomicLong();
        MatrixSource source = (row0, rows, col0, cols, dst, offset, stride) -> {
            if (row0 < 0 || col0 < 0 || rows < 1 || cols < 1 || row0 + rows > k || col0 + cols > n || cols > stride) {
                outside.incrementAndGet();
                return;
            }
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b, (row0 + r) * n + col0, dst, offset + r * stride, cols);
            }
        };
        float[] actual = start.clone();
        kernels.gemm(transA, m, n, k, a, 0, lda, source, actual, 0, n, accumulate);

        assertThat(outside.get()).as("blocks asked for outside the %dx%d matrix", k, n).isZero();
        assertThat(actual).as("%dx%dx%d transA=%b accumulate=%b", m, n, k, transA, accumulate).isEqualTo(expected);
    }
}
