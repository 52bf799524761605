package dev.grove.classical.svm;

import dev.grove.tensor.ThreadBudget;
import java.util.Arrays;

/**
 * Evaluates the pairwise decision values of a fitted {@link SvmModel} for many rows at once.
 *
 * <p>The support vectors are taken in tiles of {@link #TILE}, small enough to stay in the
 * second-level cache while a block of {@link #ROW_BLOCK} rows is scored against them ({@link Dots}),
 * so each tile is read from memory once per block instead of once per row. The kernel values, times
 * their coefficients, are then summed per class and pair, and each sum added to its pair, in the
 * order libsvm adds them. Row blocks run in parallel on
 * {@link ThreadBudget}'s pool; every value is computed in the same order whatever the thread count.
 */
final class PairwiseDecision {

    /** Support vectors per tile: with 64 features, 128 KiB. */
    private static final int TILE = 256;
    /** Rows per block of work. */
    private static final int ROW_BLOCK = 32;

    private final Kernel kernel;
    private final int features;
    private final int supportCount;
    private final int pairs;
    private final double[] supportVectors;
    private final double[] squaredNorms;
    /** Support vectors of class position a: [classStarts[a], classStarts[a + 1]). */
    private final int[] classStarts;
    /** For class position a and m in [0, k − 1): the index of the pair of a with the m-th other class. */
    private final int[][] pairOf;
    /** coefficients[m][s]: the coefficient of support vector s in its pair with the m-th other class. */
    private final double[][] coefficients;
    private final double[] intercepts;

    /**
     * An evaluator for support vectors {@code supportVectors} (row-major, grouped by class with
     * {@code supportCounts} per class), with {@code dual} and {@code intercepts} laid out as
     * {@link SvmModel}'s.
     */
    PairwiseDecision(Kernel kernel, int features, double[] supportVectors, int[] supportCounts, double[][] dual,
                     double[] intercepts) {
        int classes = supportCounts.length;
        this.kernel = kernel;
        this.features = features;
        this.supportCount = Arrays.stream(supportCounts).sum();
        this.pairs = intercepts.length;
        this.intercepts = intercepts;
        this.supportVectors = supportVectors;
        this.squaredNorms = new double[supportCount];
        for (int s = 0; s < supportCount; s++) {
            squaredNorms[s] = Dots.of(supportVectors, s * features, supportVectors, s * features, features);
        }
        this.classStarts = new int[classes + 1];
        for (int a = 0; a < classes; a++) {
            classStarts[a + 1] = classStarts[a] + supportCounts[a];
        }
        this.pairOf = new int[classes][classes - 1];
        this.coefficients = new double[classes - 1][supportCount];
        for (int own = 0; own < classes; own++) {
            for (int other = 0, m = 0; other < classes; other++) {
                if (other == own) {
                    continue;
                }
                int a = Math.min(own, other);
                int b = Math.max(own, other);
                pairOf[own][m] = pairIndex(a, b, classes);
                // In pair (a, b) the vectors of a carry row b − 1 of the dual matrix, those of b row a.
                double[] row = own == a ? dual[b - 1] : dual[a];
                for (int s = classStarts[own]; s < classStarts[own + 1]; s++) {
                    coefficients[m][s] = row[s];
                }
                m++;
            }
        }
    }

    /** The index of pair (a, b), a &lt; b, in the order (0,1), (0,2), …, (1,2), …. */
    static int pairIndex(int a, int b, int classes) {
        return a * (2 * classes - a - 1) / 2 + (b - a - 1);
    }

    /** The decision values of every row of {@code x} (row-major, the model's features per row), a row per data row. */
    double[][] evaluate(double[] x, int rows) {
        double[][] out = new double[rows][pairs];
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        ThreadBudget.parallelFor(blocks, block ->
                evaluateBlock(x, block * ROW_BLOCK, Math.min(rows, (block + 1) * ROW_BLOCK), out));
        return out;
    }

    private void evaluateBlock(double[] x, int from, int to, double[][] out) {
        double[] dots = new double[TILE];
        double[] rowNorms = new double[to - from];
        for (int i = from; i < to; i++) {
            rowNorms[i - from] = Dots.of(x, i * features, x, i * features, features);
        }
        for (int start = 0; start < supportCount; start += TILE) {
            int n = Math.min(TILE, supportCount - start);
            for (int i = from; i < to; i++) {
                Dots.ofRows(x, i * features, supportVectors, start * features, n, features, dots, 0);
                toKernelValues(dots, n, start, rowNorms[i - from]);
                accumulate(dots, start, start + n, out[i]);
            }
        }
        for (int i = from; i < to; i++) {
            for (int p = 0; p < pairs; p++) {
                out[i][p] += intercepts[p];
            }
        }
    }

    /**
     * Adds the kernel values {@code values} of support vectors [start, end), times their coefficients,
     * to the pairs they belong to: per class, one local sum per pair.
     */
    private void accumulate(double[] values, int start, int end, double[] sums) {
        for (int own = 0; own < pairOf.length; own++) {
            int from = Math.max(start, classStarts[own]);
            int to = Math.min(end, classStarts[own + 1]);
            for (int m = 0; from < to && m < coefficients.length; m++) {
                double[] coefficient = coefficients[m];
                double sum = 0;
                for (int s = from; s < to; s++) {
                    sum += coefficient[s] * values[s - start];
                }
                sums[pairOf[own][m]] += sum;
            }
        }
    }

    /** Turns the dot products of a row with support vectors [start, start + n) into kernel values, in place. */
    private void toKernelValues(double[] dots, int n, int start, double rowNorm) {
        switch (kernel.type) {
            case LINEAR -> {
                // The dot product is the kernel value.
            }
            case RBF -> {
                double gamma = kernel.gamma;
                for (int t = 0; t < n; t++) {
                    // Rounding can make a tiny squared distance negative; it is 0.
                    double distance = Math.max(0, rowNorm + squaredNorms[start + t] - 2 * dots[t]);
                    dots[t] = Math.exp(-gamma * distance);
                }
            }
            default -> {
                for (int t = 0; t < n; t++) {
                    dots[t] = kernel.ofDot(dots[t]);
                }
            }
        }
    }
}
