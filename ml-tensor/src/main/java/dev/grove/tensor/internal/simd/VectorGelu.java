package dev.grove.tensor.internal.simd;

import static dev.grove.tensor.internal.scalar.GaussianCdf.C0;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C1;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C10;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C2;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C3;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C4;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C5;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C6;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C7;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C8;
import static dev.grove.tensor.internal.scalar.GaussianCdf.C9;
import static dev.grove.tensor.internal.scalar.GaussianCdf.INV_SQRT_2PI;

import dev.grove.tensor.internal.scalar.GaussianCdf;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x) in float32 lanes: the erfc fit of
 * {@link GaussianCdf} by fused multiply-adds and one vector exponential ({@code VectorOperators.EXP},
 * which C2 compiles to a call of the JDK's SVML routines on x86), instead of one scalar float64
 * {@code Math.exp} per element (20–40 ns, never vectorised by C2).
 *
 * <p>Where float32 would lose accuracy, the computation avoids it: the square in e^(−x²/2) is split
 * into its float32 rounding p and the exact remainder e = x² − p (one FMA), and e^(−x²/2) is taken as
 * e^(−p/2)·(1 − e/2), so the exponential stays accurate to float32 rounding relative to its size even
 * at |x| = 8, where a rounded square alone would cost 2e-6. Only {@link FloatVector#SPECIES_PREFERRED}
 * is used: a second vector shape in the process would make C2 give up its GEMM intrinsics.
 */
final class VectorGelu {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** 2√2: t = 2/(2 + |x|/√2) = 2√2/(2√2 + |x|). */
    private static final float TWO_SQRT_2 = (float) (2 * Math.sqrt(2));
    /**
     * Largest |x| whose square enters the exponential: e^(−128) is zero in float32, and clamping
     * keeps x² and its remainder finite for huge or infinite x (NaN still passes through).
     */
    private static final float SQUARE_LIMIT = 16f;

    private static final float F0 = (float) C0;
    private static final float F1 = (float) C1;
    private static final float F2 = (float) C2;
    private static final float F3 = (float) C3;
    private static final float F4 = (float) C4;
    private static final float F5 = (float) C5;
    private static final float F6 = (float) C6;
    private static final float F7 = (float) C7;
    private static final float F8 = (float) C8;
    private static final float F9 = (float) C9;
    private static final float F10 = (float) C10;
    private static final float DENSITY = (float) INV_SQRT_2PI;

    private VectorGelu() {
    }

    /**
     * See {@link dev.grove.tensor.kernel.Kernels#gelu}. The tail shorter than a vector goes through a
     * zero-padded copy, so every element gets the same lane arithmetic wherever it sits.
     */
    static void gelu(float[] x, int xOffset, float[] y, int yOffset, float[] dydx, int dydxOffset, int n) {
        int i = 0;
        for (int end = SPECIES.loopBound(n); i < end; i += LANES) {
            evaluate(FloatVector.fromArray(SPECIES, x, xOffset + i), y, yOffset + i, dydx, dydxOffset + i);
        }
        if (i < n) {
            int rest = n - i;
            float[] padded = new float[LANES];
            float[] values = new float[LANES];
            float[] slopes = dydx == null ? null : new float[LANES];
            System.arraycopy(x, xOffset + i, padded, 0, rest);
            evaluate(FloatVector.fromArray(SPECIES, padded, 0), values, 0, slopes, 0);
            System.arraycopy(values, 0, y, yOffset + i, rest);
            if (dydx != null) {
                System.arraycopy(slopes, 0, dydx, dydxOffset + i, rest);
            }
        }
    }

    /** Stores the GELU of the lanes of {@code v} at {@code y[yIndex]}, and their derivatives at {@code dydx[dIndex]} unless it is null. */
    private static void evaluate(FloatVector v, float[] y, int yIndex, float[] dydx, int dIndex) {
        FloatVector magnitude = v.abs();
        FloatVector clamped = magnitude.min(SQUARE_LIMIT);
        FloatVector square = clamped.mul(clamped);
        FloatVector remainder = clamped.fma(clamped, square.neg());
        FloatVector gaussian = square.mul(-0.5f).lanewise(VectorOperators.EXP);
        gaussian = gaussian.fma(remainder.mul(-0.5f), gaussian);

        FloatVector t = FloatVector.broadcast(SPECIES, TWO_SQRT_2).div(magnitude.add(TWO_SQRT_2));
        FloatVector fit = t.fma(F10, F9);
        fit = step(fit, t, F8);
        fit = step(fit, t, F7);
        fit = step(fit, t, F6);
        fit = step(fit, t, F5);
        fit = step(fit, t, F4);
        fit = step(fit, t, F3);
        fit = step(fit, t, F2);
        fit = step(fit, t, F1);
        fit = step(fit, t, F0);
        FloatVector halfErfc = t.mul(fit).mul(gaussian).mul(0.5f);
        FloatVector cdf = halfErfc.blend(halfErfc.neg().add(1f), v.compare(VectorOperators.GE, 0f));
        v.mul(cdf).intoArray(y, yIndex);
        if (dydx != null) {
            v.mul(DENSITY).fma(gaussian, cdf).intoArray(dydx, dIndex);
        }
    }

    /** One Horner step, {@code acc·t + coefficient} with a single rounding. */
    private static FloatVector step(FloatVector acc, FloatVector t, float coefficient) {
        return acc.fma(t, FloatVector.broadcast(SPECIES, coefficient));
    }
}
