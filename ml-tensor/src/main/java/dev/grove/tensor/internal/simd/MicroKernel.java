package dev.grove.tensor.internal.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel of the packed GEMM: an {@value #MR}×{@link #NR} tile of C,
 * where NR is two vectors of the preferred species (16 floats with AVX2, 32 with AVX-512).
 *
 * <p>Why 6×2 vectors: the tile keeps 12 accumulators live, plus two B vectors and one broadcast A
 * value, which is 15 of the 16 AVX2 registers. Twelve independent FMA chains cover the 4-cycle FMA
 * latency on two FMA pipes, and each k step needs 2 vector loads and 6 broadcasts for 12 FMAs, which
 * stays within the load ports. Measured on Zen 3 with JDK 17's C2, 4×3-vector and 5×2-vector tiles
 * were slower, and so were unrolled or bounds-check-free k loops: C2 then hoists all broadcasts to
 * the top of the loop and spills accumulators to the stack.
 */
final class MicroKernel {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();

    /** Rows of C per tile (and rows of an A micro-panel). */
    static final int MR = 6;
    /** Columns of C per tile (and columns of a B micro-panel). */
    static final int NR = 2 * LANES;

    private MicroKernel() {
    }

    /**
     * Computes the tile {@code sum over p < kc of aPanel(:, p) · bPanel(p, :)} and stores it into C,
     * or adds it to C when {@code addToC}.
     *
     * @param aPanel A micro-panel: for each p, the MR values of column p, contiguous
     * @param bPanel B micro-panel: for each p, the NR values of row p, contiguous
     */
    static void tile(int kc, float[] aPanel, int aIndex, float[] bPanel, int bIndex,
                     float[] c, int cIndex, int ldc, boolean addToC) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        FloatVector c40 = c00;
        FloatVector c41 = c00;
        FloatVector c50 = c00;
        FloatVector c51 = c00;
        // The A index is the loop variable so C2 can drop the A bounds checks; an index written as
        // aIndex + p * 6 is strength-reduced to shifts that its range-check elimination misses.
        int bi = bIndex;
        for (int ai = aIndex, aEnd = aIndex + kc * MR; ai < aEnd; ai += MR, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, bPanel, bi);
            FloatVector b1 = FloatVector.fromArray(SPECIES, bPanel, bi + LANES);
            FloatVector a = FloatVector.broadcast(SPECIES, aPanel[ai]);
            c00 = a.fma(b0, c00);
            c01 = a.fma(b1, c01);
            a = FloatVector.broadcast(SPECIES, aPanel[ai + 1]);
            c10 = a.fma(b0, c10);
            c11 = a.fma(b1, c11);
            a = FloatVector.broadcast(SPECIES, aPanel[ai + 2]);
            c20 = a.fma(b0, c20);
            c21 = a.fma(b1, c21);
            a = FloatVector.broadcast(SPECIES, aPanel[ai + 3]);
            c30 = a.fma(b0, c30);
            c31 = a.fma(b1, c31);
            a = FloatVector.broadcast(SPECIES, aPanel[ai + 4]);
            c40 = a.fma(b0, c40);
            c41 = a.fma(b1, c41);
            a = FloatVector.broadcast(SPECIES, aPanel[ai + 5]);
            c50 = a.fma(b0, c50);
            c51 = a.fma(b1, c51);
        }
        store(c00, c01, c, cIndex, addToC);
        store(c10, c11, c, cIndex + ldc, addToC);
        store(c20, c21, c, cIndex + 2 * ldc, addToC);
        store(c30, c31, c, cIndex + 3 * ldc, addToC);
        store(c40, c41, c, cIndex + 4 * ldc, addToC);
        store(c50, c51, c, cIndex + 5 * ldc, addToC);
    }

    private static void store(FloatVector left, FloatVector right, float[] c, int index, boolean addToC) {
        if (addToC) {
            left = left.add(FloatVector.fromArray(SPECIES, c, index));
            right = right.add(FloatVector.fromArray(SPECIES, c, index + LANES));
        }
        left.intoArray(c, index);
        right.intoArray(c, index + LANES);
    }
}
