package dev.grove.tensor.internal.simd;

import dev.grove.tensor.ThreadBudget;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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
            FloatVector v = FloatVector.fromArray(FLOATS, x, offset + i);
            acc0 = acc0.add(widen(v, 0));
            acc1 = acc1.add(widen(v, 1));
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
            FloatVector u = FloatVector.fromArray(FLOATS, x, xOffset + i);
            FloatVector v = FloatVector.fromArray(FLOATS, y, yOffset + i);
            acc0 = widen(u, 0).fma(widen(v, 0), acc0);
            acc1 = widen(u, 1).fma(widen(v, 1), acc1);
        }
        double total = addLanes(acc0.add(acc1));
        for (; i < n; i++) {
            total += (double) x[xOffset + i] * y[yOffset + i];
        }
        return total;
    }

    /**
     * Half {@code part} (0: the lower lanes, 1: the upper) of a preferred-shape float vector, widened to
     * doubles. Loading full-width floats and converting, rather than loading half-width float
     * vectors, keeps every float vector in the process of one shape: a second shape makes the JDK's
     * shared vector methods see two classes, after which C2 can fail to intrinsify them where they
     * are inlined (the GEMM micro-kernel then fell back to plain Java, ~15x slower).
     */
    private static DoubleVector widen(FloatVector v, int part) {
        return (DoubleVector) v.convertShape(VectorOperators.F2D, DOUBLES, part);
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
