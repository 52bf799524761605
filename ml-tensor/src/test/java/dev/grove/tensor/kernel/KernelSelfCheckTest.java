package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.tensor.internal.scalar.ScalarKernels;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link KernelSelfCheck} passes correct kernels and names the op of broken ones. */
class KernelSelfCheckTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void realKernelsPass(Supplier<Kernels> implementation) {
        assertThat(KernelSelfCheck.check(implementation.get())).isNull();
    }

    @Test
    void aGemmThatIgnoresTransposeIsReported() {
        Kernels broken = new ScalarKernels() {
            @Override
            public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc, boolean accumulate) {
                super.gemm(false, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, accumulate);
            }
        };
        assertThat(KernelSelfCheck.check(broken)).startsWith("gemm(transA=true").contains("expected");
    }

    @Test
    void aGemmThatWritesPastTheRowIsReported() {
        Kernels broken = new ScalarKernels() {
            @Override
            public void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc, boolean accumulate) {
                super.gemm(transA, transB, m, n, k, a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc, accumulate);
                c[cOffset + n] = 42f;
            }
        };
        assertThat(KernelSelfCheck.check(broken)).contains("wrote outside C");
    }

    @Test
    void aWrongElementwiseOpIsNamedWithTheDifference() {
        Kernels broken = new ScalarKernels() {
            @Override
            public void div(float[] x, int xOffset, float[] y, int yOffset, float[] out, int outOffset, int n) {
                super.mul(x, xOffset, y, yOffset, out, outOffset, n);
            }
        };
        assertThat(KernelSelfCheck.check(broken)).startsWith("div: element").contains("difference");
    }

    @Test
    void aMaxThatSkipsNaNIsReported() {
        Kernels broken = new ScalarKernels() {
            @Override
            public float max(float[] x, int offset, int n) {
                float best = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    best = x[offset + i] > best ? x[offset + i] : best;
                }
                return best;
            }
        };
        assertThat(KernelSelfCheck.check(broken)).startsWith("max ignored a NaN");
    }

    @Test
    void kernelsThatThrowAreReportedNotPropagated() {
        Kernels broken = new ScalarKernels() {
            @Override
            public float sum(float[] x, int offset, int n) {
                throw new UnsupportedOperationException("no sums today");
            }
        };
        assertThat(KernelSelfCheck.check(broken)).contains("no sums today");
    }
}
