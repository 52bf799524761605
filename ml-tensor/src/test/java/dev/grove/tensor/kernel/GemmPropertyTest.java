package dev.grove.tensor.kernel;

import dev.grove.tensor.internal.scalar.ScalarKernels;
import dev.grove.tensor.internal.simd.VectorKernels;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random GEMM shapes, transposes, offsets and leading dimensions against the float64 reference. */
class GemmPropertyTest {

    @Property(tries = 150)
    void gemmMatchesTheReference(@ForAll boolean vectorKernels,
                                 @ForAll @IntRange(min = 1, max = 70) int m,
                                 @ForAll @IntRange(min = 1, max = 70) int n,
                                 @ForAll @IntRange(min = 1, max = 300) int k,
                                 @ForAll boolean transA, @ForAll boolean transB, @ForAll boolean accumulate,
                                 @ForAll long seed) {
        Kernels kernels;
        if (vectorKernels) {
            Assume.that(KernelImplementations.vectorModulePresent());
            kernels = new VectorKernels();
        } else {
            kernels = new ScalarKernels();
        }
        GemmCase g = new GemmCase(new Random(seed), transA, transB, m, n, k, accumulate, false);
        g.run(kernels);
        GemmAssertions.assertMatchesReference(g);
    }
}
