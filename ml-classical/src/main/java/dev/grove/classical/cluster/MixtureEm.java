package dev.grove.classical.cluster;

import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.function.DoubleConsumer;

/**
 * One EM run for a Gaussian mixture, as scikit-learn's {@code BaseMixture.fit_predict} does for one
 * init: parameters from the initial responsibilities, then E-step (responsibilities and the mean log
 * likelihood under the current parameters) and M-step (new parameters) until the mean log likelihood
 * changes by less than the tolerance.
 *
 * <p>Both steps run over the column-major panels of {@link RowPanels}, so their inner loops go down a
 * block of rows in unit stride and vectorise. The E-step runs over fixed tasks of rows (per-task
 * log-likelihood sums added in order); the M-step runs one task per component, each summing its
 * blocks in order. Either way the result does not depend on the number of threads.
 */
final class MixtureEm {

    /** What a run ended with; {@code lowerBound} is the mean log likelihood of the last E-step. */
    record Result(Gaussians gaussians, double lowerBound, int iterations, boolean converged, double[] history) {
    }

    /** scikit-learn adds 10 ε to every component's responsibility sum so an empty component divides safely. */
    private static final double EMPTY_GUARD = 10 * Math.ulp(1.0);
    private static final int SIZE = RowBlocks.SIZE;

    private final RowPanels data;
    private final int n;
    private final int d;
    private final int k;
    private final CovarianceType type;
    private final double regCovar;
    private final boolean parallel;
    private final RowBlocks blocks;
    /** Responsibilities component-major: row i's for component c at {@code c·n + i}. */
    private final double[] resp;
    private final double[] taskLogLikelihood;
    /** Per task: the k weighted log densities of a block's rows. */
    private final double[] scores;
    /** Per task: the scratch of {@link MixtureScores}. */
    private final double[] work;
    private final double[] nk;
    /** Per component: a block's deviations from the component mean, then the same weighted by responsibility. */
    private final double[] deviations;
    /** Per component: its scatter Σ r (x − μ)(x − μ)ᵀ (lower triangle; full, tied), or Σ r (x − μ)² (diag, spherical). */
    private final double[] scatter;

    MixtureEm(RowPanels data, int k, CovarianceType type, double regCovar, boolean parallel) {
        this.data = data;
        this.n = data.rows;
        this.d = data.features;
        this.k = k;
        this.type = type;
        this.regCovar = regCovar;
        this.parallel = parallel;
        this.blocks = data.blocks;
        this.resp = new double[k * n];
        this.taskLogLikelihood = new double[blocks.tasks];
        this.scores = new double[blocks.tasks * k * SIZE];
        this.work = new double[blocks.tasks * MixtureScores.WORK];
        this.nk = new double[k];
        this.deviations = new double[k * 2 * d * SIZE];
        this.scatter = new double[k * (square() ? d * d : d)];
    }

    private boolean square() {
        return type == CovarianceType.FULL || type == CovarianceType.TIED;
    }

    /** Responsibilities 1 for each row's label, as scikit-learn's k-means initialisation. */
    void startFromLabels(int[] labels) {
        Arrays.fill(resp, 0);
        for (int i = 0; i < n; i++) {
            resp[labels[i] * n + i] = 1;
        }
    }

    /** Uniform random responsibilities, normalised per row, as scikit-learn's random initialisation. */
    void startRandom(Rng rng) {
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double u = rng.nextDouble();
                resp[c * n + i] = u;
                sum += u;
            }
            for (int c = 0; c < k; c++) {
                resp[c * n + i] /= sum;
            }
        }
    }

    /**
     * Iterates from the current responsibilities.
     *
     * @param iteration called with each iteration's mean log likelihood, on the thread doing the run
     * @throws IllegalArgumentException if a covariance stops being positive definite
     */
    Result run(int maxIter, double tol, DoubleConsumer iteration) {
        Gaussians gaussians = maximise();
        double lowerBound = Double.NEGATIVE_INFINITY;
        double[] history = new double[maxIter];
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIter && !converged) {
            double previous = lowerBound;
            lowerBound = expect(gaussians);
            gaussians = maximise();
            history[iterations++] = lowerBound;
            iteration.accept(lowerBound);
            converged = Math.abs(lowerBound - previous) < tol;
        }
        return new Result(gaussians, lowerBound, iterations, converged, Arrays.copyOf(history, iterations));
    }

    /** E-step: responsibilities under {@code gaussians}; returns the mean log likelihood of the rows. */
    double expect(Gaussians gaussians) {
        RowBlocks.run(blocks.tasks, parallel, task -> expectTask(task, gaussians));
        double total = 0;
        for (double part : taskLogLikelihood) {
            total += part;
        }
        return total / n;
    }

    private void expectTask(int task, Gaussians g) {
        int s = task * k * SIZE;
        int w = task * MixtureScores.WORK;
        double logLikelihood = 0;
        for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
            int start = blocks.start(block);
            int m = blocks.end(block) - start;
            MixtureScores.score(g, data, block, scores, s, work, w);
            logLikelihood += MixtureScores.normalise(k, m, scores, s, work, w, null, 0);
            for (int c = 0; c < k; c++) {
                System.arraycopy(scores, s + c * SIZE, resp, c * n + start, m);
            }
        }
        taskLogLikelihood[task] = logLikelihood;
    }

    /** M-step: weights, means and covariances from the responsibilities, as scikit-learn's {@code _estimate_gaussian_parameters}. */
    Gaussians maximise() {
        double[] means = new double[k * d];
        RowBlocks.run(k, parallel, c -> componentMoments(c, means));
        double total = 0;
        for (int c = 0; c < k; c++) {
            total += nk[c];
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = nk[c] / total;
        }
        return new Gaussians(type, k, d, weights, means, covariances(total));
    }

    /** Responsibility sum, mean and scatter of component {@code c}: two passes over the rows, so no cancellation. */
    private void componentMoments(int c, double[] means) {
        double[] x = data.panels;
        int rc = c * n;
        int mean = c * d;
        double weight = 0;
        for (int block = 0; block < blocks.blocks; block++) {
            int start = blocks.start(block);
            int m = blocks.end(block) - start;
            weight += RowPanels.sum(resp, rc + start, m);
            for (int j = 0; j < d; j++) {
                means[mean + j] += RowPanels.dot(resp, rc + start, x, data.column(block, j), m);
            }
        }
        weight += EMPTY_GUARD;
        nk[c] = weight;
        for (int j = 0; j < d; j++) {
            means[mean + j] /= weight;
        }
        boolean square = square();
        int size = square ? d * d : d;
        int s = c * size;
        Arrays.fill(scatter, s, s + size, 0);
        int dev = c * 2 * d * SIZE;
        int weighted = dev + d * SIZE;
        for (int block = 0; block < blocks.blocks; block++) {
            int start = blocks.start(block);
            int m = blocks.end(block) - start;
            for (int j = 0; j < d; j++) {
                double mu = means[mean + j];
                int column = data.column(block, j);
                int to = dev + j * SIZE;
                int toWeighted = weighted + j * SIZE;
                for (int r = 0; r < m; r++) {
                    double deviation = x[column + r] - mu;
                    deviations[to + r] = deviation;
                    deviations[toWeighted + r] = resp[rc + start + r] * deviation;
                }
            }
            if (square) {
                // Lower triangle only; mirrored when the covariance is formed.
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) {
                        scatter[s + a * d + b] += RowPanels.dot(deviations, weighted + a * SIZE, deviations, dev + b * SIZE, m);
                    }
                }
            } else {
                for (int j = 0; j < d; j++) {
                    scatter[s + j] += RowPanels.dot(deviations, weighted + j * SIZE, deviations, dev + j * SIZE, m);
                }
            }
        }
    }

    /** The covariances in their compact form, with reg-covar added to every variance. */
    private double[] covariances(double total) {
        switch (type) {
            case FULL -> {
                double[] out = new double[k * d * d];
                for (int c = 0; c < k; c++) {
                    symmetric(scatter, c * d * d, 1 / nk[c], out, c * d * d);
                }
                return out;
            }
            case TIED -> {
                double[] sum = new double[d * d];
                for (int c = 0; c < k; c++) {
                    for (int i = 0; i < d * d; i++) {
                        sum[i] += scatter[c * d * d + i];
                    }
                }
                double[] out = new double[d * d];
                symmetric(sum, 0, 1 / total, out, 0);
                return out;
            }
            case DIAG -> {
                double[] out = new double[k * d];
                for (int c = 0; c < k; c++) {
                    for (int j = 0; j < d; j++) {
                        out[c * d + j] = scatter[c * d + j] / nk[c] + regCovar;
                    }
                }
                return out;
            }
            default -> {
                double[] out = new double[k];
                for (int c = 0; c < k; c++) {
                    double sum = 0;
                    for (int j = 0; j < d; j++) {
                        sum += scatter[c * d + j] / nk[c] + regCovar;
                    }
                    out[c] = sum / d;
                }
                return out;
            }
        }
    }

    /** Writes the symmetric matrix whose lower triangle is at {@code lower}, scaled, plus reg-covar on the diagonal. */
    private void symmetric(double[] lower, int from, double scale, double[] out, int to) {
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                double v = lower[from + a * d + b] * scale;
                out[to + a * d + b] = v;
                out[to + b * d + a] = v;
            }
            out[to + a * d + a] += regCovar;
        }
    }
}
