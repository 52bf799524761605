package dev.grove.tensor.internal.scalar;

import dev.grove.tensor.kernel.KernelProvider;
import dev.grove.tensor.kernel.Kernels;

/** Provides the plain-Java kernels, which run everywhere. */
public final class ScalarKernelProvider implements KernelProvider {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public String unsupportedReason() {
        return "";
    }

    @Override
    public Kernels create() {
        return new ScalarKernels();
    }
}
