package dev.grove.classical.cluster;

import java.util.Arrays;

/**
 * The blocked evaluation of a Gaussian mixture on {@link RowPanels}, shared by EM and the fitted
 * model: the k weighted log densities log w_c + log N(x | μ_c, Σ_c) of a block's rows, and their
 * normalisation into responsibilities by a log-sum-exp shifted by each row's largest score. The
 * inner loops run down a block of rows in unit stride, so they vectorise.
 */
final class MixtureScores {

    /** Scratch a task needs: four block-long vectors. */
    static final int WORK = 4 * RowBlocks.SIZE;
    private static final int SIZE = RowBlocks.SIZE;

    private MixtureScores() {
    }

    /**
     * Writes the weighted log density of row r of {@code block} under component c to
     * {@code scores[s + c·SIZE + r]}, using {@code work[w … w + WORK)} as scratch.
     */
    static void score(Gaussians g, RowPanels data, int block, double[] scores, int s, double[] work, int w) {
        double[] x = data.panels;
        int d = g.d;
        int m = data.blocks.end(block) - data.blocks.start(block);
        int y = w;
        int q = w + SIZE;
        for (int c = 0; c < g.k; c++) {
            Arrays.fill(work, q, q + m, 0);
            if (g.triangular()) {
                // y_j = Σ_{t ≤ j} (L⁻¹)_jt x_t − (L⁻¹μ)_j; the quadratic form is Σ_j y_j².
                int f = g.factor(c);
                for (int j = 0; j < d; j++) {
                    Arrays.fill(work, y, y + m, -g.projectedMeans[c * d + j]);
                    int line = f + j * d;
                    int t = 0;
                    for (; t + 1 <= j; t += 2) {
                        double p0 = g.precision[line + t];
                        double p1 = g.precision[line + t + 1];
                        int c0 = data.column(block, t);
                        int c1 = c0 + m;
                        for (int r = 0; r < m; r++) {
                            work[y + r] += p0 * x[c0 + r] + p1 * x[c1 + r];
                        }
                    }
                    if (t <= j) {
                        double p0 = g.precision[line + t];
                        int c0 = data.column(block, t);
                        for (int r = 0; r < m; r++) {
                            work[y + r] += p0 * x[c0 + r];
                        }
                    }
                    for (int r = 0; r < m; r++) {
                        work[q + r] += work[y + r] * work[y + r];
                    }
                }
            } else {
                for (int j = 0; j < d; j++) {
                    double mean = g.means[c * d + j];
                    double precision = g.precision[c * d + j];
                    int c0 = data.column(block, j);
                    for (int r = 0; r < m; r++) {
                        double z = (x[c0 + r] - mean) * precision;
                        work[q + r] += z * z;
                    }
                }
            }
            double offset = g.offset(c);
            int sc = s + c * SIZE;
            for (int r = 0; r < m; r++) {
                scores[sc + r] = offset - 0.5 * work[q + r];
            }
        }
    }

    /**
     * Turns the k × m scores at {@code s} into responsibilities in place and returns Σ over the rows
     * of their log density (the log-sum-exp of their scores), also written to {@code densities[o + r]}
     * when {@code densities} is not null.
     */
    static double normalise(int k, int m, double[] scores, int s, double[] work, int w, double[] densities, int o) {
        int max = w + 2 * SIZE;
        int sum = max + SIZE;
        System.arraycopy(scores, s, work, max, m);
        for (int c = 1; c < k; c++) {
            int sc = s + c * SIZE;
            for (int r = 0; r < m; r++) {
                work[max + r] = Math.max(work[max + r], scores[sc + r]);
            }
        }
        Arrays.fill(work, sum, sum + m, 0);
        for (int c = 0; c < k; c++) {
            int sc = s + c * SIZE;
            for (int r = 0; r < m; r++) {
                double e = Math.exp(scores[sc + r] - work[max + r]);
                scores[sc + r] = e;
                work[sum + r] += e;
            }
        }
        double total = 0;
        for (int r = 0; r < m; r++) {
            double density = work[max + r] + Math.log(work[sum + r]);
            total += density;
            if (densities != null) {
                densities[o + r] = density;
            }
            work[sum + r] = 1 / work[sum + r];
        }
        for (int c = 0; c < k; c++) {
            int sc = s + c * SIZE;
            for (int r = 0; r < m; r++) {
                scores[sc + r] *= work[sum + r];
            }
        }
        return total;
    }
}
