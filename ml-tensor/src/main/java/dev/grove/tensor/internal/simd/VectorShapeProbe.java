package dev.grove.tensor.internal.simd;

import jdk.incubator.vector.FloatVector;

/**
 * Reads the preferred vector shape. Kept apart from {@link VectorKernelProvider} so that loading
 * the provider never loads a {@code jdk.incubator.vector} class; call only when the module is present.
 */
final class VectorShapeProbe {

    private VectorShapeProbe() {
    }

    /** Bits in the CPU's preferred float vector (256 with AVX2, 512 with AVX-512). */
    static int preferredFloatBits() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
