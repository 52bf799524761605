package dev.grove.tensor.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The logistic sigmoid and tanh in float32 lanes, through {@code VectorOperators.EXP} and
 * {@code VectorOperators.TANH} (C2 calls the JDK's SVML routines for them on x86, accurate to about
 * one float32 ulp), instead of one scalar float64 {@code Math.exp} or {@code Math.tanh} per element.
 * Only {@link FloatVector#SPECIES_PREFERRED} is used: a second vector shape in the process would make
 * C2 give up its GEMM intrinsics.
 */
final class VectorActivations {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorActivations() {
    }

    /** See {@link dev.grove.tensor.kernel.Kernels#sigmoid}. */
    static void sigmoid(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            sigmoid(FloatVector.fromArray(SPECIES, x, xOffset + i)).intoArray(out, outOffset + i);
        }
        if (i < n) {
            // Through a zero-padded copy, so tail elements get the same lane arithmetic as the rest.
            float[] padded = new float[LANES];
            System.arraycopy(x, xOffset + i, padded, 0, n - i);
            sigmoid(FloatVector.fromArray(SPECIES, padded, 0)).intoArray(padded, 0);
            System.arraycopy(padded, 0, out, outOffset + i, n - i);
        }
    }

    /** See {@link dev.grove.tensor.kernel.Kernels#tanh}. */
    static void tanh(float[] x, int xOffset, float[] out, int outOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            FloatVector.fromArray(SPECIES, x, xOffset + i).lanewise(VectorOperators.TANH).intoArray(out, outOffset + i);
        }
        if (i < n) {
            float[] padded = new float[LANES];
            System.arraycopy(x, xOffset + i, padded, 0, n - i);
            FloatVector.fromArray(SPECIES, padded, 0).lanewise(VectorOperators.TANH).intoArray(padded, 0);
            System.arraycopy(padded, 0, out, outOffset + i, n - i);
        }
    }

    private static FloatVector sigmoid(FloatVector v) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        return one.div(v.neg().lanewise(VectorOperators.EXP).add(1f));
    }
}
