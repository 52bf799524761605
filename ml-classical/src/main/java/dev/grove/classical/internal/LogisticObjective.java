package dev.grove.classical.internal;

import dev.grove.classical.optim.DifferentiableFunction;
import dev.grove.tensor.ThreadBudget;
import java.util.Arrays;

/**
 * The training objective of logistic regression, as scikit-learn's lbfgs solver states it:
 * Σᵢ log-loss(xᵢ, yᵢ) + λ/2 ‖W‖², with λ = 1/C (0 without penalty) and the intercepts not penalised.
 * Two classes use one weight row and the sigmoid; more use one row per class and the softmax.
 *
 * <p>Parameters are one flat vector: for each weight row, its feature weights followed by its
 * intercept when one is fitted.
 *
 * <p>An evaluation is two products with the row-major feature matrix X (n × d): the scores
 * S = X·Wᵀ and the gradient Rᵀ·X of the residuals R (probabilities minus one-hot targets). Rows go
 * in fixed blocks of {@link #BLOCK_ROWS}, each summed into its own buffers, and the blocks are added
 * in order: blocks may run in parallel on the {@link ThreadBudget} pool, and the result is bitwise
 * the same for any number of threads. Within a block, tiles of {@link #TILE_ROWS} rows are scored,
 * turned into residuals and added to the gradient while they are still in cache, so X streams from
 * memory once per evaluation. The buffers are allocated once, not per evaluation. Not thread-safe
 * itself (it owns those buffers).
 */
public final class LogisticObjective implements DifferentiableFunction {

    /** Rows per block: the unit of parallel work, fixed so that sums never depend on the thread count. */
    static final int BLOCK_ROWS = 2048;
    /** Rows scored at once: their features (≤ 128 × d doubles) stay in cache for the gradient pass. */
    static final int TILE_ROWS = 128;

    private final double[] x;
    private final int rows;
    private final int features;
    private final int[] labels;
    private final int weightRows;
    private final boolean fitIntercept;
    private final double l2;
    private final boolean parallel;
    private final BlockSums[] blocks;

    /**
     * @param x            row-major features (labels.length × features)
     * @param features     number of features
     * @param labels       class index of each row
     * @param classes      number of classes (≥ 2)
     * @param fitIntercept whether each weight row carries an intercept
     * @param l2           the penalty strength λ ≥ 0
     * @param parallel     whether blocks of rows may be summed on several threads
     */
    public LogisticObjective(double[] x, int features, int[] labels, int classes, boolean fitIntercept, double l2,
                             boolean parallel) {
        if (classes < 2) {
            throw new IllegalArgumentException("logistic objective needs at least 2 classes, got " + classes);
        }
        this.x = x;
        this.rows = labels.length;
        this.features = features;
        this.labels = labels;
        this.weightRows = classes == 2 ? 1 : classes;
        this.fitIntercept = fitIntercept;
        this.l2 = l2;
        this.parallel = parallel;
        this.blocks = new BlockSums[Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS)];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = new BlockSums(weightRows, features);
        }
    }

    /** Number of weight rows: 1 for two classes, else one per class. */
    public int weightRows() {
        return weightRows;
    }

    /** Length of the flat parameter vector. */
    public int dimension() {
        return weightRows * stride();
    }

    private int stride() {
        return features + (fitIntercept ? 1 : 0);
    }

    /** The feature weights in {@code parameters}, one row per weight row. */
    public double[][] coefficients(double[] parameters) {
        double[][] out = new double[weightRows][];
        for (int r = 0; r < weightRows; r++) {
            out[r] = Arrays.copyOfRange(parameters, r * stride(), r * stride() + features);
        }
        return out;
    }

    /** The intercepts in {@code parameters} (zeros when none are fitted). */
    public double[] intercepts(double[] parameters) {
        double[] out = new double[weightRows];
        if (fitIntercept) {
            for (int r = 0; r < weightRows; r++) {
                out[r] = parameters[r * stride() + features];
            }
        }
        return out;
    }

    /** Per-parameter weights of an L1 penalty of {@code strength}: on every feature weight, never on an intercept. */
    public double[] l1Weights(double strength) {
        double[] out = new double[dimension()];
        for (int r = 0; r < weightRows; r++) {
            Arrays.fill(out, r * stride(), r * stride() + features, strength);
        }
        return out;
    }

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
        if (parallel && blocks.length > 1) {
            ThreadBudget.parallelFor(blocks.length, block -> sumBlock(w, block));
        } else {
            for (int block = 0; block < blocks.length; block++) {
                sumBlock(w, block);
            }
        }
        int stride = stride();
        double loss = 0;
        Arrays.fill(gradient, 0);
        for (BlockSums block : blocks) {
            loss += block.loss;
            for (int r = 0; r < weightRows; r++) {
                double[] partial = block.weightGradient[r];
                int base = r * stride;
                for (int j = 0; j < features; j++) {
                    gradient[base + j] += partial[j];
                }
                if (fitIntercept) {
                    gradient[base + features] += block.interceptGradient[r];
                }
            }
        }
        if (l2 > 0) {
            double squares = 0;
            for (int r = 0; r < weightRows; r++) {
                for (int j = 0; j < features; j++) {
                    double weight = w[r * stride + j];
                    squares += weight * weight;
                    gradient[r * stride + j] += l2 * weight;
                }
            }
            loss += 0.5 * l2 * squares;
        }
        return loss;
    }

    private void sumBlock(double[] w, int block) {
        BlockSums sums = blocks[block];
        sums.clear();
        int end = Math.min(rows, (block + 1) * BLOCK_ROWS);
        for (int from = block * BLOCK_ROWS; from < end; from += TILE_ROWS) {
            int count = Math.min(TILE_ROWS, end - from);
            scoreTile(w, from, count, sums.scores);
            sums.loss += weightRows == 1
                    ? binaryResiduals(from, count, sums.scores)
                    : softmaxResiduals(from, count, sums.scores);
            addToGradient(from, count, sums);
        }
    }

    /**
     * scores[t·K + r] = xᵢ·w_r + b_r for the rows i = from + t of the tile. Each score is the same
     * chain of fused multiply-adds over j = 0, 1, …, whichever kernel computes it: pairs of rows
     * against four weight rows at once keep eight independent chains in flight.
     */
    private void scoreTile(double[] w, int from, int count, double[] scores) {
        int stride = stride();
        int t = 0;
        for (; t + 1 < count; t += 2) {
            int r = 0;
            for (; r + 3 < weightRows; r += 4) {
                scoreTwoRowsFourWeightRows(w, r * stride, (from + t) * features, scores, t * weightRows + r);
            }
            for (; r < weightRows; r++) {
                int offset = (from + t) * features;
                scores[t * weightRows + r] = score(w, r * stride, offset);
                scores[(t + 1) * weightRows + r] = score(w, r * stride, offset + features);
            }
        }
        if (t < count) {
            for (int r = 0; r < weightRows; r++) {
                scores[t * weightRows + r] = score(w, r * stride, (from + t) * features);
            }
        }
    }

    private void scoreTwoRowsFourWeightRows(double[] w, int wBase, int xBase, double[] scores, int out) {
        int stride = stride();
        int w0 = wBase;
        int w1 = w0 + stride;
        int w2 = w1 + stride;
        int w3 = w2 + stride;
        int x1 = xBase + features;
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        for (int j = 0; j < features; j++) {
            double u = x[xBase + j];
            double v = x[x1 + j];
            double c0 = w[w0 + j];
            double c1 = w[w1 + j];
            double c2 = w[w2 + j];
            double c3 = w[w3 + j];
            a0 = Math.fma(u, c0, a0);
            a1 = Math.fma(u, c1, a1);
            a2 = Math.fma(u, c2, a2);
            a3 = Math.fma(u, c3, a3);
            b0 = Math.fma(v, c0, b0);
            b1 = Math.fma(v, c1, b1);
            b2 = Math.fma(v, c2, b2);
            b3 = Math.fma(v, c3, b3);
        }
        scores[out] = a0 + intercept(w, w0);
        scores[out + 1] = a1 + intercept(w, w1);
        scores[out + 2] = a2 + intercept(w, w2);
        scores[out + 3] = a3 + intercept(w, w3);
        scores[out + weightRows] = b0 + intercept(w, w0);
        scores[out + weightRows + 1] = b1 + intercept(w, w1);
        scores[out + weightRows + 2] = b2 + intercept(w, w2);
        scores[out + weightRows + 3] = b3 + intercept(w, w3);
    }

    private double score(double[] w, int wBase, int xBase) {
        double a = 0;
        for (int j = 0; j < features; j++) {
            a = Math.fma(x[xBase + j], w[wBase + j], a);
        }
        return a + intercept(w, wBase);
    }

    private double intercept(double[] w, int wBase) {
        return fitIntercept ? w[wBase + features] : 0;
    }

    /** Turns the tile's scores into residuals σ(z) − y in place; returns Σ log(1 + e^z) − y·z. */
    private double binaryResiduals(int from, int count, double[] scores) {
        double loss = 0;
        for (int t = 0; t < count; t++) {
            double z = scores[t];
            int y = labels[from + t];
            // log(1 + e^z) = max(z, 0) + log1p(e^−|z|): neither overflows nor loses small values, and
            // the same e^−|z| gives σ(z).
            double e = Math.exp(-Math.abs(z));
            loss += Math.max(z, 0) + Math.log1p(e) - y * z;
            double p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
            scores[t] = p - y;
        }
        return loss;
    }

    /** Turns the tile's scores into residuals softmax(z) − onehot(y) in place; returns Σ log Σₖ e^zₖ − z_y. */
    private double softmaxResiduals(int from, int count, double[] scores) {
        double loss = 0;
        for (int t = 0; t < count; t++) {
            int base = t * weightRows;
            int y = labels[from + t];
            int top = 0;
            for (int r = 1; r < weightRows; r++) {
                if (scores[base + r] > scores[base + top]) {
                    top = r;
                }
            }
            double max = scores[base + top];
            double shiftedTarget = scores[base + y] - max;
            // Shifted by the largest score, the exponentials cannot overflow, and the largest is exactly 1.
            double sum = 0;
            for (int r = 0; r < weightRows; r++) {
                double e = r == top ? 1 : Math.exp(scores[base + r] - max);
                scores[base + r] = e;
                sum += e;
            }
            loss += Math.log(sum) - shiftedTarget;
            for (int r = 0; r < weightRows; r++) {
                scores[base + r] /= sum;
            }
            scores[base + y] -= 1;
        }
        return loss;
    }

    /**
     * Adds the tile's Rᵀ·X to the block's gradient. Each row is first copied into a buffer, so that
     * the update of the weight rows (four at a time, sharing each load of the row) runs over arrays
     * indexed alike, which the JIT turns into SIMD instructions.
     */
    private void addToGradient(int from, int count, BlockSums sums) {
        double[] row = sums.row;
        double[] residuals = sums.scores;
        for (int t = 0; t < count; t++) {
            System.arraycopy(x, (from + t) * features, row, 0, features);
            int base = t * weightRows;
            int r = 0;
            for (; r + 3 < weightRows; r += 4) {
                addRowToFourWeightRows(row, residuals, base + r, sums.weightGradient, r);
            }
            for (; r < weightRows; r++) {
                double residual = residuals[base + r];
                double[] partial = sums.weightGradient[r];
                for (int j = 0; j < features; j++) {
                    partial[j] += residual * row[j];
                }
            }
            for (r = 0; r < weightRows; r++) {
                sums.interceptGradient[r] += residuals[base + r];
            }
        }
    }

    private void addRowToFourWeightRows(double[] row, double[] residuals, int at, double[][] gradient, int r) {
        double c0 = residuals[at];
        double c1 = residuals[at + 1];
        double c2 = residuals[at + 2];
        double c3 = residuals[at + 3];
        double[] g0 = gradient[r];
        double[] g1 = gradient[r + 1];
        double[] g2 = gradient[r + 2];
        double[] g3 = gradient[r + 3];
        for (int j = 0; j < features; j++) {
            double v = row[j];
            g0[j] += c0 * v;
            g1[j] += c1 * v;
            g2[j] += c2 * v;
            g3[j] += c3 * v;
        }
    }

    /** 1 / (1 + e^−z), computed from e^−|z| so it never overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** The partial sums of one block of rows and the scratch it uses to compute them. */
    private static final class BlockSums {
        final double[][] weightGradient;
        final double[] interceptGradient;
        final double[] scores;
        final double[] row;
        double loss;

        BlockSums(int weightRows, int features) {
            weightGradient = new double[weightRows][features];
            interceptGradient = new double[weightRows];
            scores = new double[TILE_ROWS * weightRows];
            row = new double[features];
        }

        void clear() {
            for (double[] partial : weightGradient) {
                Arrays.fill(partial, 0);
            }
            Arrays.fill(interceptGradient, 0);
            loss = 0;
        }
    }
}
