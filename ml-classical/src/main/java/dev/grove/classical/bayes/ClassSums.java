package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.tensor.ThreadBudget;
import java.util.function.IntConsumer;

/**
 * Per-class sums over the rows of a data set, the one pass over the data that fitting a naive Bayes
 * model needs. Rows go in fixed blocks of {@link #BLOCK_ROWS}, each summed into its own per-class
 * buffers, and the blocks are added in order: blocks may run in parallel on the {@link ThreadBudget}
 * pool, and the sums are bitwise the same for any number of threads. Each row is copied into a buffer
 * first, so that adding it to its class's sums is a loop over two arrays indexed alike, which the JIT
 * turns into SIMD instructions. The features are never copied as a whole.
 */
final class ClassSums {

    /** Rows per block: the unit of parallel work, fixed so that sums never depend on the thread count. */
    static final int BLOCK_ROWS = 4096;

    private ClassSums() {
    }

    /** Prepares a row's values in place before they are summed (e.g. binarises them). */
    @FunctionalInterface
    interface RowTransform {

        /** Leaves the values as they are. */
        RowTransform NONE = values -> -1;

        /**
         * Rewrites {@code values} in place; returns the column of the first value it cannot accept, or
         * −1 if it accepts them all.
         */
        int apply(double[] values);
    }

    /** Builds the error for the first value a {@link RowTransform} did not accept. */
    @FunctionalInterface
    interface Rejection {
        IllegalArgumentException of(int row, int column, double value);
    }

    /**
     * Σ of the (transformed) feature values over the rows of each class: classes × features.
     *
     * @throws IllegalArgumentException from {@code rejection}, for the first row (in row order) holding a
     *                                  value the transform does not accept
     */
    static double[][] of(Dataset data, int[] labels, int classes, RowTransform transform, Rejection rejection,
                         boolean parallel) {
        int features = data.featureCount();
        int blocks = blockCount(labels.length);
        double[][][] partial = new double[blocks][classes][features];
        long[] firstRejected = new long[blocks];
        run(blocks, parallel, block -> {
            double[][] sums = partial[block];
            double[] row = new double[features];
            firstRejected[block] = -1;
            int end = Math.min(labels.length, (block + 1) * BLOCK_ROWS);
            for (int i = block * BLOCK_ROWS; i < end; i++) {
                data.row(i, row);
                int column = transform.apply(row);
                if (column >= 0) {
                    firstRejected[block] = (long) i * features + column;
                    return;
                }
                double[] into = sums[labels[i]];
                for (int j = 0; j < features; j++) {
                    into[j] += row[j];
                }
            }
        });
        for (long rejected : firstRejected) {
            if (rejected >= 0) {
                int row = (int) (rejected / features);
                int column = (int) (rejected % features);
                throw rejection.of(row, column, data.feature(row, column));
            }
        }
        return addInOrder(partial, classes, features);
    }

    /** Σ (x − means[class])² over the rows of each class, per feature: classes × features. */
    static double[][] squaredDeviations(Dataset data, int[] labels, double[][] means, boolean parallel) {
        int features = data.featureCount();
        int classes = means.length;
        int blocks = blockCount(labels.length);
        double[][][] partial = new double[blocks][classes][features];
        run(blocks, parallel, block -> {
            double[][] sums = partial[block];
            double[] row = new double[features];
            int end = Math.min(labels.length, (block + 1) * BLOCK_ROWS);
            for (int i = block * BLOCK_ROWS; i < end; i++) {
                data.row(i, row);
                double[] mean = means[labels[i]];
                double[] into = sums[labels[i]];
                for (int j = 0; j < features; j++) {
                    double deviation = row[j] - mean[j];
                    into[j] += deviation * deviation;
                }
            }
        });
        return addInOrder(partial, classes, features);
    }

    private static int blockCount(int rows) {
        return Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
    }

    private static void run(int blocks, boolean parallel, IntConsumer block) {
        if (parallel && blocks > 1) {
            ThreadBudget.parallelFor(blocks, block);
        } else {
            for (int b = 0; b < blocks; b++) {
                block.accept(b);
            }
        }
    }

    private static double[][] addInOrder(double[][][] partial, int classes, int features) {
        double[][] total = new double[classes][features];
        for (double[][] block : partial) {
            for (int k = 0; k < classes; k++) {
                double[] into = total[k];
                double[] from = block[k];
                for (int j = 0; j < features; j++) {
                    into[j] += from[j];
                }
            }
        }
        return total;
    }
}
