package dev.grove.classical.internal;

import dev.grove.tensor.ThreadBudget;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The Gram matrix XᵀX of a row-major matrix X, the heart of covariance-based PCA and of the normal
 * equations. Only the upper triangle is computed; it is mirrored at the end.
 *
 * <p>Rows are cut into fixed chunks, each summed into its own partial matrix, and the partials are
 * added in chunk order; chunks may run in parallel on the {@link ThreadBudget} pool, and the result is
 * bitwise the same whether they do and for any number of threads. Within a chunk a small block of
 * rows stays in cache while every group of output rows is updated from it, four input rows and two
 * output rows per pass, in loops the JIT vectorises.
 */
public final class GramMatrix {

    /** Rows per parallel task. */
    private static final int CHUNK_ROWS = 2048;
    /** Rows kept in cache while all output rows are updated from them (64 rows of 256 features: 128 KB). */
    private static final int ROW_BLOCK = 64;
    /** Output rows updated per pass over a row block. */
    private static final int OUTPUT_ROW_BLOCK = 4;
    /** At most this many doubles of partial sums are held at once (128 MB), whatever the thread count. */
    private static final long PARTIAL_BUDGET = 16L << 20;

    private GramMatrix() {
    }

    /**
     * XᵀX (cols × cols, row-major, exactly symmetric) of {@code x} (rows × cols, row-major).
     *
     * @param parallel whether chunks of rows may be summed on several threads
     */
    public static double[] of(double[] x, int rows, int cols, boolean parallel) {
        double[] gram = new double[cols * cols];
        int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        if (chunks <= 1) {
            addChunk(x, cols, 0, rows, gram);
        } else {
            // Every chunk is summed into its own zeroed partial and the partials are added in chunk
            // order, serially or not, so the rounding is the same for any thread count. Partials are
            // held a wave at a time so memory stays bounded for wide data.
            int wave = parallel ? (int) Math.max(1, Math.min(chunks, PARTIAL_BUDGET / ((long) cols * cols))) : 1;
            double[][] partials = new double[wave][cols * cols];
            for (int first = 0; first < chunks; first += wave) {
                int start = first;
                int count = Math.min(wave, chunks - first);
                IntConsumer sumChunk = t -> {
                    Arrays.fill(partials[t], 0);
                    int from = (start + t) * CHUNK_ROWS;
                    addChunk(x, cols, from, Math.min(rows, from + CHUNK_ROWS), partials[t]);
                };
                if (parallel) {
                    ThreadBudget.parallelFor(count, sumChunk);
                } else {
                    for (int t = 0; t < count; t++) {
                        sumChunk.accept(t);
                    }
                }
                for (int t = 0; t < count; t++) {
                    double[] partial = partials[t];
                    for (int k = 0; k < gram.length; k++) {
                        gram[k] += partial[k];
                    }
                }
            }
        }
        mirrorUpperTriangle(gram, cols);
        return gram;
    }

    /**
     * Adds the upper triangle (and the diagonal) of XᵀX over rows [from, to) into {@code gram}. The
     * inner loops update two output rows from four input rows at a time, so each value loaded feeds
     * two fused multiply-adds; {@link Math#fma} compiles to one vector instruction on current x86 and
     * ARM processors, and its single rounding is the same on every platform.
     */
    private static void addChunk(double[] x, int cols, int from, int to, double[] gram) {
        for (int blockStart = from; blockStart < to; blockStart += ROW_BLOCK) {
            int blockEnd = Math.min(to, blockStart + ROW_BLOCK);
            for (int j0 = 0; j0 < cols; j0 += OUTPUT_ROW_BLOCK) {
                int j1 = Math.min(cols, j0 + OUTPUT_ROW_BLOCK);
                int i = blockStart;
                for (; i + 3 < blockEnd; i += 4) {
                    addFourRows(x, cols, i, j0, j1, gram);
                }
                for (; i < blockEnd; i++) {
                    int o = i * cols;
                    for (int j = j0; j < j1; j++) {
                        double a = x[o + j];
                        int row = j * cols;
                        for (int k = j0; k < cols; k++) {
                            gram[row + k] = Math.fma(a, x[o + k], gram[row + k]);
                        }
                    }
                }
            }
        }
    }

    /**
     * Adds rows i..i+3 of X to Gram rows j0..j1 (columns from j0 on: a few entries below the diagonal
     * are computed too, but every inner loop then starts at the same place, which keeps it simple).
     */
    private static void addFourRows(double[] x, int cols, int i, int j0, int j1, double[] gram) {
        int o0 = i * cols;
        int o1 = o0 + cols;
        int o2 = o1 + cols;
        int o3 = o2 + cols;
        int j = j0;
        for (; j + 1 < j1; j += 2) {
            double a0 = x[o0 + j];
            double a1 = x[o1 + j];
            double a2 = x[o2 + j];
            double a3 = x[o3 + j];
            double b0 = x[o0 + j + 1];
            double b1 = x[o1 + j + 1];
            double b2 = x[o2 + j + 1];
            double b3 = x[o3 + j + 1];
            int row = j * cols;
            int next = row + cols;
            for (int k = j0; k < cols; k++) {
                double x0 = x[o0 + k];
                double x1 = x[o1 + k];
                double x2 = x[o2 + k];
                double x3 = x[o3 + k];
                gram[row + k] = Math.fma(a3, x3, Math.fma(a2, x2, Math.fma(a1, x1, Math.fma(a0, x0, gram[row + k]))));
                gram[next + k] = Math.fma(b3, x3, Math.fma(b2, x2, Math.fma(b1, x1, Math.fma(b0, x0, gram[next + k]))));
            }
        }
        for (; j < j1; j++) {
            double a0 = x[o0 + j];
            double a1 = x[o1 + j];
            double a2 = x[o2 + j];
            double a3 = x[o3 + j];
            int row = j * cols;
            for (int k = j0; k < cols; k++) {
                gram[row + k] = Math.fma(a3, x[o3 + k], Math.fma(a2, x[o2 + k], Math.fma(a1, x[o1 + k],
                        Math.fma(a0, x[o0 + k], gram[row + k]))));
            }
        }
    }

    private static void mirrorUpperTriangle(double[] gram, int cols) {
        for (int j = 0; j < cols; j++) {
            for (int k = j + 1; k < cols; k++) {
                gram[k * cols + j] = gram[j * cols + k];
            }
        }
    }
}
