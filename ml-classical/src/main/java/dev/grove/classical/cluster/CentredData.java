package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;

/**
 * The rows k-means works on, prepared once per fit and shared read-only by all its runs: the data
 * minus its column means (as scikit-learn does, so that ‖x‖² − 2x·c + ‖c‖² loses little to
 * cancellation), each row's squared norm, and a column-major copy of each block of rows ("panels")
 * over which the distance kernel runs in unit stride.
 */
final class CentredData {

    final int rows;
    final int features;
    final RowBlocks blocks;
    /** Centred rows, row-major (rows × features). */
    final double[] x;
    /** ‖x_i‖² of each centred row. */
    final double[] norms;
    /** Block b's rows column-major: entry (r, j) of a block of m rows at {@code b·SIZE·features + j·m + r}. */
    final double[] panels;
    /** The column means that were subtracted. */
    final double[] mean;
    /** Mean over the features of each feature's population variance: the scale of k-means' tolerance. */
    final double meanVariance;

    private CentredData(int rows, int features, double[] x, double[] mean, boolean parallel) {
        this.rows = rows;
        this.features = features;
        this.blocks = new RowBlocks(rows);
        this.x = x;
        this.mean = mean;
        this.norms = new double[rows];
        this.panels = new double[x.length];
        double[] taskSquares = new double[blocks.tasks * features];
        RowBlocks.run(blocks.tasks, parallel, task -> centre(task, taskSquares));
        double variance = 0;
        for (int j = 0; j < features; j++) {
            double squares = 0;
            for (int task = 0; task < blocks.tasks; task++) {
                squares += taskSquares[task * features + j];
            }
            variance += squares / rows;
        }
        this.meanVariance = variance / features;
    }

    /**
     * Centres {@code x} in place (taking ownership of it) and builds norms and panels.
     *
     * @param x        finite row-major features, at least one row
     * @param features number of columns, at least 1
     * @param parallel whether blocks of rows may be prepared on several threads
     */
    static CentredData of(double[] x, int features, boolean parallel) {
        return of(null, null, x, features, parallel);
    }

    /**
     * A copy of the features of {@code data}, checked to be finite in the same pass that sums the
     * columns (one pass less over the data than checking first).
     *
     * @throws IllegalArgumentException naming {@code component}, the feature and the row of the first
     *                                  NaN or infinity in row order
     */
    static CentredData of(String component, Dataset data, boolean parallel) {
        return of(component, data, data.featureMatrix(), data.featureCount(), parallel);
    }

    private static CentredData of(String component, Dataset data, double[] x, int features, boolean parallel) {
        int rows = x.length / features;
        RowBlocks blocks = new RowBlocks(rows);
        double[] taskSums = new double[blocks.tasks * features];
        int[] firstNonFinite = new int[blocks.tasks];
        RowBlocks.run(blocks.tasks, parallel, task -> {
            int offset = task * features;
            int bad = -1;
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                int row = i * features;
                for (int j = 0; j < features; j++) {
                    double v = x[row + j];
                    if (bad < 0 && !Double.isFinite(v)) {
                        bad = row + j;
                    }
                    taskSums[offset + j] += v;
                }
            }
            firstNonFinite[task] = bad;
        });
        double[] mean = new double[features];
        for (int task = 0; task < blocks.tasks; task++) {
            if (firstNonFinite[task] >= 0 && data != null) {
                int at = firstNonFinite[task];
                throw new IllegalArgumentException(component + ": feature '" + data.schema().featureNames().get(at % features)
                        + "' of row " + at / features + " is " + x[at] + "; the features must be finite numbers");
            }
            for (int j = 0; j < features; j++) {
                mean[j] += taskSums[task * features + j];
            }
        }
        for (int j = 0; j < features; j++) {
            mean[j] /= rows;
        }
        return new CentredData(rows, features, x, mean, parallel);
    }

    private void centre(int task, double[] taskSquares) {
        int squaresOffset = task * features;
        for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
            int start = blocks.start(block);
            int m = blocks.end(block) - start;
            int panel = start * features;
            for (int r = 0; r < m; r++) {
                int row = (start + r) * features;
                double norm = 0;
                for (int j = 0; j < features; j++) {
                    double v = x[row + j] - mean[j];
                    x[row + j] = v;
                    norm += v * v;
                    taskSquares[squaresOffset + j] += v * v;
                    panels[panel + j * m + r] = v;
                }
                norms[start + r] = norm;
            }
        }
    }

    /** Number of rows in {@code block}. */
    int blockRows(int block) {
        return blocks.end(block) - blocks.start(block);
    }

    /**
     * x_r · c_q for the rows r of {@code block} and the centres c_q (q = 0 … count − 1) that are rows
     * {@code first}, {@code first} + 1, … of {@code centres}: into {@code out[o + q·stride + r]}. Runs down
     * the block's panel four centres and two features at a time, so each pass is a unit-stride
     * multiply-add over the block that the JIT turns into SIMD code, and each panel value loaded
     * serves four centres.
     */
    void dots(int block, double[] centres, int first, int count, double[] out, int o, int stride) {
        int q = 0;
        for (; q + 3 < count; q += 4) {
            int at = o + q * stride;
            dots4(block, centres, (first + q) * features, out, at, at + stride, at + 2 * stride, at + 3 * stride);
        }
        for (; q < count; q++) {
            dots1(block, centres, (first + q) * features, out, o + q * stride);
        }
    }

    /** As {@link #dots(int, double[], int, int, double[], int, int)}, centre q's values going to {@code out[offsets[q] + r]}. */
    void dots(int block, double[] centres, int count, double[] out, int[] offsets) {
        int q = 0;
        for (; q + 3 < count; q += 4) {
            dots4(block, centres, q * features, out, offsets[q], offsets[q + 1], offsets[q + 2], offsets[q + 3]);
        }
        for (; q < count; q++) {
            dots1(block, centres, q * features, out, offsets[q]);
        }
    }

    private void dots4(int block, double[] centres, int c, double[] out, int o, int o1, int o2, int o3) {
        int m = blockRows(block);
        int panel = blocks.start(block) * features;
        int d = features;
        int c1 = c + d;
        int c2 = c1 + d;
        int c3 = c2 + d;
        int j = 0;
        // Four features at a time: each panel value loaded serves four centres, each output loaded takes four terms.
        for (; j + 3 < d; j += 4) {
            double a0 = centres[c + j];
            double a1 = centres[c + j + 1];
            double a2 = centres[c + j + 2];
            double a3 = centres[c + j + 3];
            double b0 = centres[c1 + j];
            double b1 = centres[c1 + j + 1];
            double b2 = centres[c1 + j + 2];
            double b3 = centres[c1 + j + 3];
            double e0 = centres[c2 + j];
            double e1 = centres[c2 + j + 1];
            double e2 = centres[c2 + j + 2];
            double e3 = centres[c2 + j + 3];
            double f0 = centres[c3 + j];
            double f1 = centres[c3 + j + 1];
            double f2 = centres[c3 + j + 2];
            double f3 = centres[c3 + j + 3];
            int p0 = panel + j * m;
            int p1 = p0 + m;
            int p2 = p1 + m;
            int p3 = p2 + m;
            if (j == 0) {
                for (int r = 0; r < m; r++) {
                    double x0 = panels[p0 + r];
                    double x1 = panels[p1 + r];
                    double x2 = panels[p2 + r];
                    double x3 = panels[p3 + r];
                    out[o + r] = x0 * a0 + x1 * a1 + x2 * a2 + x3 * a3;
                    out[o1 + r] = x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3;
                    out[o2 + r] = x0 * e0 + x1 * e1 + x2 * e2 + x3 * e3;
                    out[o3 + r] = x0 * f0 + x1 * f1 + x2 * f2 + x3 * f3;
                }
            } else {
                for (int r = 0; r < m; r++) {
                    double x0 = panels[p0 + r];
                    double x1 = panels[p1 + r];
                    double x2 = panels[p2 + r];
                    double x3 = panels[p3 + r];
                    out[o + r] += x0 * a0 + x1 * a1 + x2 * a2 + x3 * a3;
                    out[o1 + r] += x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3;
                    out[o2 + r] += x0 * e0 + x1 * e1 + x2 * e2 + x3 * e3;
                    out[o3 + r] += x0 * f0 + x1 * f1 + x2 * f2 + x3 * f3;
                }
            }
        }
        for (; j < d; j++) {
            double a0 = centres[c + j];
            double b0 = centres[c1 + j];
            double e0 = centres[c2 + j];
            double f0 = centres[c3 + j];
            int p0 = panel + j * m;
            if (j == 0) {
                for (int r = 0; r < m; r++) {
                    double x0 = panels[p0 + r];
                    out[o + r] = x0 * a0;
                    out[o1 + r] = x0 * b0;
                    out[o2 + r] = x0 * e0;
                    out[o3 + r] = x0 * f0;
                }
            } else {
                for (int r = 0; r < m; r++) {
                    double x0 = panels[p0 + r];
                    out[o + r] += x0 * a0;
                    out[o1 + r] += x0 * b0;
                    out[o2 + r] += x0 * e0;
                    out[o3 + r] += x0 * f0;
                }
            }
        }
    }

    private void dots1(int block, double[] centres, int c, double[] out, int o) {
        int m = blockRows(block);
        int panel = blocks.start(block) * features;
        int d = features;
        int j = 0;
        for (; j + 1 < d; j += 2) {
            double a0 = centres[c + j];
            double a1 = centres[c + j + 1];
            int p0 = panel + j * m;
            int p1 = p0 + m;
            if (j == 0) {
                for (int r = 0; r < m; r++) {
                    out[o + r] = panels[p0 + r] * a0 + panels[p1 + r] * a1;
                }
            } else {
                for (int r = 0; r < m; r++) {
                    out[o + r] += panels[p0 + r] * a0 + panels[p1 + r] * a1;
                }
            }
        }
        if (j < d) {
            double a0 = centres[c + j];
            int p0 = panel + j * m;
            if (j == 0) {
                for (int r = 0; r < m; r++) {
                    out[o + r] = panels[p0 + r] * a0;
                }
            } else {
                for (int r = 0; r < m; r++) {
                    out[o + r] += panels[p0 + r] * a0;
                }
            }
        }
    }

    /** ‖x_row − c‖², summed directly (no cancellation), with c the row of {@code centres} starting at {@code c}. */
    double squaredDistance(int row, double[] centres, int c) {
        return NearestCentre.squaredDistance(x, row * features, centres, c, features);
    }

    /** The centres of k rows (k × features, in centred coordinates) moved back to the data's coordinates. */
    double[] uncentre(double[] centres) {
        double[] out = centres.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += mean[i % features];
        }
        return out;
    }
}
