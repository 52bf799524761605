package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Results are bitwise identical with a thread budget of 1 and of 2. */
class ThreadCountDeterminismTest {

    private int previousBudget;

    @BeforeEach
    void remember() {
        previousBudget = ThreadBudget.get();
    }

    @AfterEach
    void restore() {
        ThreadBudget.set(previousBudget);
    }

    private static float[][] withThreads(int threads, Supplier<float[][]> work) {
        ThreadBudget.set(threads);
        return work.get();
    }

    private static void assertSameBits(Supplier<float[][]> work) {
        float[][] one = withThreads(1, work);
        float[][] two = withThreads(2, work);
        assertThat(two).hasSameDimensionsAs(one);
        for (int i = 0; i < one.length; i++) {
            for (int j = 0; j < one[i].length; j++) {
                assertThat(Float.floatToRawIntBits(two[i][j])).as("output %d element %d", i, j)
                        .isEqualTo(Float.floatToRawIntBits(one[i][j]));
            }
        }
    }

    @Test
    void matmul() {
        assertSameBits(() -> {
            Rng rng = new Rng(1);
            Tensor a = Tensor.randn(rng, 300, 257).requiresGrad(true);
            Tensor b = Tensor.randn(rng, 257, 190).requiresGrad(true);
            Tensor c = a.matmul(b);
            c.sum().backward();
            return new float[][] {c.toFloatArray(), a.grad().toFloatArray(), b.grad().toFloatArray()};
        });
    }

    @Test
    void conv2dForwardAndBackward() {
        assertSameBits(() -> {
            Rng rng = new Rng(2);
            Tensor x = Tensor.randn(rng, 8, 3, 16, 16).requiresGrad(true);
            Tensor w = Tensor.randn(rng, 16, 3, 3, 3).requiresGrad(true);
            Tensor b = Tensor.randn(rng, 16).requiresGrad(true);
            Tensor y = x.conv2d(w, b, 1, 1);
            y.mul(y).sum().backward();
            return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), w.grad().toFloatArray(), b.grad().toFloatArray()};
        });
    }

    /**
     * The fused convolution block, on a batch whose weight gradient (16×27 summed over 6,272 output
     * pixels) is deep enough for the GEMM to split it along k.
     */
    @Test
    void conv2dReluMaxPoolForwardAndBackward() {
        assertSameBits(() -> {
            Rng rng = new Rng(4);
            Tensor x = Tensor.randn(rng, 32, 3, 16, 16).requiresGrad(true);
            Tensor w = Tensor.randn(rng, 16, 3, 3, 3).requiresGrad(true);
            Tensor b = Tensor.randn(rng, 16).requiresGrad(true);
            Tensor y = x.conv2dReluMaxPool(w, b, 1, 0, 2, 2);
            y.mul(y).sum().backward();
            return new float[][] {y.toFloatArray(), x.grad().toFloatArray(), w.grad().toFloatArray(), b.grad().toFloatArray()};
        });
    }

    @Test
    void reductions() {
        assertSameBits(() -> {
            Tensor x = Tensor.randn(new Rng(3), 1000, 1000);
            return new float[][] {
                x.sum().toFloatArray(),
                x.sum(0).toFloatArray(),
                x.sum(1).toFloatArray(),
                x.mean(new int[] {0}, true).toFloatArray(),
                x.var(new int[] {1}, false).toFloatArray(),
                x.max(new int[] {0}, false).toFloatArray(),
                x.softmax(1).toFloatArray()};
        });
    }
}
