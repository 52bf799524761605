package dev.grove.tensor.internal.simd;

import dev.grove.tensor.internal.scalar.ScalarKernels;
import dev.grove.tensor.kernel.KernelProvider;
import dev.grove.tensor.kernel.Kernels;

/** Placeholder until the Vector API kernels land; replaced by the kernel work. */
public final class VectorKernelProvider implements KernelProvider {

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public boolean isSupported() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Override
    public String unsupportedReason() {
        return isSupported() ? "" : "module jdk.incubator.vector is not present (add --add-modules jdk.incubator.vector)";
    }

    @Override
    public Kernels create() {
        return new ScalarKernels();
    }
}
