package dev.grove.tensor.internal.simd;

import dev.grove.tensor.kernel.KernelProvider;
import dev.grove.tensor.kernel.Kernels;

/**
 * Provides {@link VectorKernels}, the SIMD kernels written with {@code jdk.incubator.vector}.
 *
 * <p>They are offered only when they will actually be fast: the incubator module is in the boot
 * layer (launch with {@code --add-modules jdk.incubator.vector}), HotSpot's C2 compiler is active,
 * and the preferred vector shape is at least 256 bits. This class never touches a
 * {@code jdk.incubator.vector} type itself; {@link VectorShapeProbe} and {@link VectorKernels} are
 * loaded only after the module is known to be present.
 */
public final class VectorKernelProvider implements KernelProvider {

    /** Narrower vectors (SSE, NEON) do not beat the JIT's auto-vectorised scalar loops by enough. */
    static final int MIN_VECTOR_BITS = 256;

    private volatile String unsupportedReason;

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
        return unsupportedReason().isEmpty();
    }

    @Override
    public String unsupportedReason() {
        String reason = unsupportedReason;
        if (reason == null) {
            reason = findUnsupportedReason();
            unsupportedReason = reason;
        }
        return reason;
    }

    @Override
    public Kernels create() {
        if (!isSupported()) {
            throw new IllegalStateException("vector kernels cannot run here: " + unsupportedReason());
        }
        return new VectorKernels();
    }

    private static String findUnsupportedReason() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "module jdk.incubator.vector is not present (add --add-modules jdk.incubator.vector)";
        }
        String jit = JitInspector.whyNotC2();
        if (!jit.isEmpty()) {
            return jit + "; the Vector API is only fast when C2 compiles it";
        }
        int bits = VectorShapeProbe.preferredFloatBits();
        if (bits < MIN_VECTOR_BITS) {
            return "the preferred vector size is " + bits + " bits; at least " + MIN_VECTOR_BITS + " are needed";
        }
        return "";
    }
}
