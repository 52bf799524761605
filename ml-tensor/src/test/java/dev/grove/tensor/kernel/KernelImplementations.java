package dev.grove.tensor.kernel;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.tensor.internal.scalar.ScalarKernels;
import dev.grove.tensor.internal.simd.VectorKernels;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The {@link Kernels} implementations every conformance test runs against, built directly rather
 * than through {@link KernelSelector}. The vector kernels are skipped (by assumption) when the JVM
 * was started without {@code jdk.incubator.vector}, and never constructed in that case.
 */
final class KernelImplementations {

    private KernelImplementations() {
    }

    /** Source for {@code @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")}. */
    static Stream<Named<Supplier<Kernels>>> all() {
        return Stream.of(
                Named.of("scalar", ScalarKernels::new),
                Named.of("vector", KernelImplementations::vector));
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static Kernels vector() {
        assumeTrue(vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        return new VectorKernels();
    }
}
