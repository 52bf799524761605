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
 * <p>Rows are summed in fixed blocks, each into its own buffer, and the blocks are added in order;
 * blocks may run in parallel on the {@link ThreadBudget} pool, and the result is bitwise the same
 * for any number of threads. Not thread-safe itself (it owns those buffers).
 */
public final class LogisticObjective implements DifferentiableFunction {

    /** Rows per block: enough work to outweigh handing a block to another thread. */
    static final int BLOCK_ROWS = 256;

    private final double[] x;
    private final int rows;
    private final int features;
    private final int[] labels;
    private final int weightRows;
    private final boolean fitIntercept;
    private final double l2;
    private final boolean parallel;
    private final int blocks;
    private final double[][] blockGradients;
    private final double[] blockLosses;
    private final double[][] blockScores;

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
        this.blocks = Math.max(1, (rows + BLOCK_ROWS - 1) / BLOCK_ROWS);
        this.blockGradients = new double[blocks][weightRows * stride()];
        this.blockLosses = new double[blocks];
        this.blockScores = new double[blocks][weightRows];
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

    @Override
    public double valueAndGradient(double[] w, double[] gradient) {
        if (parallel) {
            ThreadBudget.parallelFor(blocks, block -> sumBlock(w, block));
        } else {
            for (int block = 0; block < blocks; block++) {
                sumBlock(w, block);
            }
        }
        double loss = 0;
        Arrays.fill(gradient, 0);
        for (int block = 0; block < blocks; block++) {
            loss += blockLosses[block];
            double[] partial = blockGradients[block];
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] += partial[k];
            }
        }
        if (l2 > 0) {
            int stride = stride();
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
        int from = block * BLOCK_ROWS;
        int to = Math.min(rows, from + BLOCK_ROWS);
        double[] gradient = blockGradients[block];
        Arrays.fill(gradient, 0);
        blockLosses[block] = weightRows == 1
                ? binaryLoss(w, from, to, gradient)
                : multinomialLoss(w, from, to, gradient, blockScores[block]);
    }

    private double binaryLoss(double[] w, int from, int to, double[] gradient) {
        double loss = 0;
        for (int i = from; i < to; i++) {
            int offset = i * features;
            double z = (fitIntercept ? w[features] : 0) + dot(w, 0, x, offset, features);
            int y = labels[i];
            // log(1 + e^z) − y·z, with the log1p form that neither overflows nor loses small values.
            loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
            double residual = sigmoid(z) - y;
            for (int j = 0; j < features; j++) {
                gradient[j] += residual * x[offset + j];
            }
            if (fitIntercept) {
                gradient[features] += residual;
            }
        }
        return loss;
    }

    private double multinomialLoss(double[] w, int from, int to, double[] gradient, double[] scores) {
        int stride = stride();
        double loss = 0;
        for (int i = from; i < to; i++) {
            int offset = i * features;
            for (int r = 0; r < weightRows; r++) {
                int base = r * stride;
                scores[r] = (fitIntercept ? w[base + features] : 0) + dot(w, base, x, offset, features);
            }
            int y = labels[i];
            double max = scores[0];
            for (int r = 1; r < weightRows; r++) {
                max = Math.max(max, scores[r]);
            }
            // log Σ e^z − z_y, shifted by the largest score; the exponentials are kept (in scores) for
            // the softmax, so each is computed once.
            double shiftedTarget = scores[y] - max;
            double sum = 0;
            for (int r = 0; r < weightRows; r++) {
                scores[r] = Math.exp(scores[r] - max);
                sum += scores[r];
            }
            loss += Math.log(sum) - shiftedTarget;
            for (int r = 0; r < weightRows; r++) {
                double residual = scores[r] / sum - (r == y ? 1 : 0);
                int base = r * stride;
                for (int j = 0; j < features; j++) {
                    gradient[base + j] += residual * x[offset + j];
                }
                if (fitIntercept) {
                    gradient[base + features] += residual;
                }
            }
        }
        return loss;
    }

    /** Σ a[ao + j]·b[bo + j] over n terms, in four interleaved partial sums so the additions overlap. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[ao + j] * b[bo + j];
            s1 += a[ao + j + 1] * b[bo + j + 1];
            s2 += a[ao + j + 2] * b[bo + j + 2];
            s3 += a[ao + j + 3] * b[bo + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[ao + j] * b[bo + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** 1 / (1 + e^−z), computed from e^−|z| so it never overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
