package dev.grove.tensor.internal.simd;

import dev.grove.tensor.ThreadBudget;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sum, dot product and maximum with the Vector API.
 *
 * <p>Sums and dot products widen to float64 lanes, as the scalar kernels accumulate in double. The
 * input is cut into fixed blocks of {@link #BLOCK} elements; each block is reduced with the same lane
 * layout and its lanes are added in lane order (never {@code reduceLanes(ADD)}, whose order is
 * unspecified and may differ between the interpreter and compiled code), and the block partials are
 * added in block order. The result therefore depends only on the input, not on the thread count or
 * on whether the code has been JIT-compiled yet.
 */
final class VectorReductions {

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = DOUBLES.length();
    /** Floats that widen to exactly one vector of doubles (half the preferred shape). */
    private static final VectorSpecies<Float> WIDENED_FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    /** Elements per partial sum: large enough to amortise a parallel task, small enough to split work. */
    static final int BLOCK = 1 << 16;

    private VectorReductions() {
    }

    static float sum(float[] x, int offset, int n) {
        int blocks = PackedGemm.ceilDiv(n, BLOCK);
        if (blocks <= 1) {
            return (float) sumBlock(x, offset, n);
        }
        double[] partials = new double[blocks];
        ThreadBudget.parallelFor(blocks, t -> {
            int start = t * BLOCK;
            partials[t] = sumBlock(x, offset + start, Math.min(BLOCK, n - start));
        });
        return (float) addInOrder(partials);
    }

    static float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        int blocks = PackedGemm.ceilDiv(n, BLOCK);
        if (blocks <= 1) {
            return (float) dotBlock(x, xOffset, y, yOffset, n);
        }
        double[] partials = new double[blocks];
        ThreadBudget.parallelFor(blocks, t -> {
            int start = t * BLOCK;
            partials[t] = dotBlock(x, xOffset + start, y, yOffset + start, Math.min(BLOCK, n - start));
        });
        return (float) addInOrder(partials);
    }

    static float max(float[] x, int offset, int n) {
        int step = FLOATS.length();
        int vectorEnd = FLOATS.loopBound(n);
        float best = Float.NEGATIVE_INFINITY;
        int i = 0;
        if (vectorEnd > 0) {
            FloatVector acc = FloatVector.broadcast(FLOATS, Float.NEGATIVE_INFINITY);
            for (; i < vectorEnd; i += step) {
                // lanewise MAX has Math.max semantics, so a NaN lane stays NaN.
                acc = acc.lanewise(VectorOperators.MAX, FloatVector.fromArray(FLOATS, x, offset + i));
            }
            for (int lane = 0; lane < step; lane++) {
                best = Math.max(best, acc.lane(lane));
            }
        }
        for (; i < n; i++) {
            best = Math.max(best, x[offset + i]);
        }
        return best;
    }

    private static double sumBlock(float[] x, int offset, int n) {
        int step = 2 * LANES;
        int vectorEnd = n - n % step;
        DoubleVector acc0 = DoubleVector.zero(DOUBLES);
        DoubleVector acc1 = acc0;
        int i = 0;
        for (; i < vectorEnd; i += step) {
            acc0 = acc0.add(widen(x, offset + i));
            acc1 = acc1.add(widen(x, offset + i + LANES));
        }
        double total = addLanes(acc0.add(acc1));
        for (; i < n; i++) {
            total += x[offset + i];
        }
        return total;
    }

    private static double dotBlock(float[] x, int xOffset, float[] y, int yOffset, int n) {
        int step = 2 * LANES;
        int vectorEnd = n - n % step;
        DoubleVector acc0 = DoubleVector.zero(DOUBLES);
        DoubleVector acc1 = acc0;
        int i = 0;
        for (; i < vectorEnd; i += step) {
            acc0 = widen(x, xOffset + i).fma(widen(y, yOffset + i), acc0);
            acc1 = widen(x, xOffset + i + LANES).fma(widen(y, yOffset + i + LANES), acc1);
        }
        double total = addLanes(acc0.add(acc1));
        for (; i < n; i++) {
            total += (double) x[xOffset + i] * y[yOffset + i];
        }
        return total;
    }

    private static DoubleVector widen(float[] x, int index) {
        return (DoubleVector) FloatVector.fromArray(WIDENED_FLOATS, x, index).castShape(DOUBLES, 0);
    }

    private static double addLanes(DoubleVector v) {
        double total = 0;
        for (int lane = 0; lane < LANES; lane++) {
            total += v.lane(lane);
        }
        return total;
    }

    private static double addInOrder(double[] partials) {
        double total = 0;
        for (double partial : partials) {
            total += partial;
        }
        return total;
    }
}
