package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.StateChecks;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted Gaussian mixture: immutable and safe to share between threads. A row's cluster is its most
 * probable component; {@link #predictProba} gives the responsibilities, {@link #scoreSamples} the log
 * density, and {@link #bic}/{@link #aic} score data with scikit-learn's formulas. {@link #sample}
 * draws new rows.
 *
 * <p>{@link #state()} holds arrays {@code weights} (components), {@code means} (components × features)
 * and {@code covariances} (components × features × features for full, features × features for tied,
 * components × features for diag, components for spherical), and attributes {@code log-likelihood}
 * (mean per training row), {@code bic}, {@code aic} (on the training data), {@code n-iter} and
 * {@code converged}.
 */
public final class GaussianMixtureModel implements Clusterer {

    private final Schema schema;
    private final Gaussians gaussians;
    private final double logLikelihood;
    private final double bic;
    private final double aic;
    private final int nIter;
    private final boolean converged;

    GaussianMixtureModel(Schema schema, Gaussians gaussians, double logLikelihood, double bic, double aic, int nIter,
                         boolean converged) {
        this.schema = schema;
        this.gaussians = gaussians;
        this.logLikelihood = logLikelihood;
        this.bic = bic;
        this.aic = aic;
        this.nIter = nIter;
        this.converged = converged;
    }

    /**
     * Rebuilds a model from {@link #state()}, the params it was fitted with (their components and
     * covariance type fix the shapes) and the schema it was trained on.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or impossible
     */
    public static GaussianMixtureModel restore(GaussianMixtureParams params, Schema schema, ModelState state) {
        String component = GaussianMixture.NAME;
        int k = params.components();
        int d = schema.featureCount();
        CovarianceType type = CovarianceType.of(params.covariance());
        double[] weights = StateChecks.finite(component, "weights", state.doubles("weights", k));
        double total = 0;
        for (int c = 0; c < k; c++) {
            if (weights[c] <= 0 || weights[c] > 1) {
                throw new IllegalArgumentException(component + ": model state 'weights' holds " + weights[c]
                        + " for component " + c + "; expected a probability in (0, 1]");
            }
            total += weights[c];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException(component + ": model state 'weights' sums to " + total + "; expected 1");
        }
        double[] means = StateChecks.finite(component, "means", state.doubles("means", k, d));
        double[] covariances = StateChecks.finite(component, "covariances",
                state.doubles("covariances", type.shape(k, d)));
        Gaussians gaussians;
        try {
            gaussians = new Gaussians(type, k, d, weights, means, covariances);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + ": model state 'covariances' is not usable: " + e.getMessage(), e);
        }
        return new GaussianMixtureModel(schema, gaussians, number(state, "log-likelihood"), number(state, "bic"),
                number(state, "aic"), StateChecks.count(component, state, "n-iter"),
                StateChecks.flag(component, state, "converged"));
    }

    private static double number(ModelState state, String name) {
        String text = state.attribute(name);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below together with non-finite values.
        }
        throw new IllegalArgumentException(GaussianMixture.NAME + ": model state attribute '" + name + "' is '" + text
                + "'; expected a finite number");
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int clusterCount() {
        return gaussians.k;
    }

    /** The covariance type: full, tied, diag or spherical. */
    public String covarianceType() {
        return gaussians.type.key();
    }

    /** The mixing weight of each component. A copy. */
    public double[] weights() {
        return gaussians.weights.clone();
    }

    /** The mean of each component (components × features). A copy. */
    public double[][] means() {
        return Matrices.rows(gaussians.means, gaussians.k);
    }

    /** Component {@code c}'s covariance as a full features × features matrix, whatever the covariance type. */
    public double[][] covariance(int c) {
        if (c < 0 || c >= gaussians.k) {
            throw new IndexOutOfBoundsException("component " + c + " of " + gaussians.k);
        }
        return Matrices.rows(gaussians.covarianceMatrix(c), gaussians.d);
    }

    /** Mean log likelihood per training row. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** Bayesian information criterion on the training data (lower is better). */
    public double bic() {
        return bic;
    }

    /** Akaike information criterion on the training data (lower is better). */
    public double aic() {
        return aic;
    }

    /** EM iterations of the winning run. */
    public int nIter() {
        return nIter;
    }

    /** Whether the winning run stopped on the tolerance rather than on max-iter. */
    public boolean converged() {
        return converged;
    }

    /** Free parameters: covariances (by type), means and components − 1 weights. */
    public int parameterCount() {
        return gaussians.parameterCount();
    }

    @Override
    public ModelState state() {
        return ModelState.builder()
                .put("weights", gaussians.weights, gaussians.k)
                .put("means", gaussians.means, gaussians.k, gaussians.d)
                .put("covariances", gaussians.covariances, gaussians.type.shape(gaussians.k, gaussians.d))
                .attribute("log-likelihood", Double.toString(logLikelihood))
                .attribute("bic", Double.toString(bic))
                .attribute("aic", Double.toString(aic))
                .attribute("n-iter", Integer.toString(nIter))
                .attribute("converged", Boolean.toString(converged))
                .build();
    }

    /**
     * The most probable component of each row.
     *
     * @throws IllegalArgumentException if the columns differ from the training data's or a value is not finite
     */
    @Override
    public int[] predict(Dataset data) {
        int k = gaussians.k;
        RowPanels panels = panels(data);
        int[] labels = new int[panels.rows];
        scoreBlocks(gaussians, panels, true, (start, m, scores) -> {
            for (int r = 0; r < m; r++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (scores[c * RowBlocks.SIZE + r] > scores[best * RowBlocks.SIZE + r]) {
                        best = c;
                    }
                }
                labels[start + r] = best;
            }
        }, false, null);
        return labels;
    }

    /** The responsibilities: one row per data row, one column per component, each row summing to 1. */
    public double[][] predictProba(Dataset data) {
        int k = gaussians.k;
        RowPanels panels = panels(data);
        double[][] out = new double[panels.rows][k];
        scoreBlocks(gaussians, panels, true, (start, m, scores) -> {
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < k; c++) {
                    out[start + r][c] = scores[c * RowBlocks.SIZE + r];
                }
            }
        }, true, null);
        return out;
    }

    /** log p(x) of each row under the mixture (scikit-learn's {@code score_samples}). */
    public double[] scoreSamples(Dataset data) {
        return logDensities(gaussians, panels(data), true);
    }

    /**
     * Mean log p(x) per row of {@code data} (scikit-learn's {@code score}).
     *
     * @throws IllegalArgumentException if {@code data} has no rows, other columns or a non-finite value
     */
    public double meanLogLikelihood(Dataset data) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException(GaussianMixture.NAME + ": cannot score an empty data set; expected at least one row");
        }
        return meanLogDensity(gaussians, panels(data), true);
    }

    /** −2 n · mean log-likelihood + parameters · ln n on {@code data}, as scikit-learn's {@code bic}. */
    public double bic(Dataset data) {
        return bic(gaussians, meanLogLikelihood(data), data.rows());
    }

    /** −2 n · mean log-likelihood + 2 · parameters on {@code data}, as scikit-learn's {@code aic}. */
    public double aic(Dataset data) {
        return aic(gaussians, meanLogLikelihood(data), data.rows());
    }

    /**
     * {@code n} new rows drawn from the mixture: a component by its weight, then a point from its
     * Gaussian. The rows have this model's feature names; the target {@code component} says which
     * component drew each (class labels "0", "1", …).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Dataset sample(int n, Rng rng) {
        if (n < 0) {
            throw new IllegalArgumentException(GaussianMixture.NAME + ": cannot sample " + n + " rows; expected n >= 0");
        }
        int k = gaussians.k;
        int d = gaussians.d;
        double[] rows = new double[n * d];
        double[] components = new double[n];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            int c = 0;
            double cumulative = gaussians.weights[0];
            while (c < k - 1 && u >= cumulative) {
                c++;
                cumulative += gaussians.weights[c];
            }
            components[i] = c;
            gaussians.draw(c, rng, z, rows, i * d);
        }
        List<String> labels = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            labels.add(Integer.toString(c));
        }
        return Dataset.ofFlat(rows, components, new Schema(schema.featureNames(), "component", labels));
    }

    private RowPanels panels(Dataset data) {
        double[] x = ClusterInputs.predictionFeatures(GaussianMixture.NAME, this, data);
        return new RowPanels(x, gaussians.d, true);
    }

    /** What to do with the scores (or responsibilities) of the block of rows from {@code start}, at {@code scores[c·SIZE + r]}. */
    @FunctionalInterface
    private interface BlockScores {
        void accept(int start, int rows, double[] scores);
    }

    /**
     * Scores every block of {@code panels}, normalised into responsibilities if asked (or if the log
     * densities are wanted in {@code densities}), and hands each block to {@code action} (may be null).
     * Blocks may run in parallel; each row's numbers are the same whichever thread computes them.
     */
    private static void scoreBlocks(Gaussians g, RowPanels panels, boolean parallel, BlockScores action, boolean normalise,
                                    double[] densities) {
        RowBlocks blocks = panels.blocks;
        RowBlocks.run(blocks.tasks, parallel, task -> {
            double[] scores = new double[g.k * RowBlocks.SIZE];
            double[] work = new double[MixtureScores.WORK];
            for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
                int start = blocks.start(block);
                int m = blocks.end(block) - start;
                MixtureScores.score(g, panels, block, scores, 0, work, 0);
                if (normalise || densities != null) {
                    MixtureScores.normalise(g.k, m, scores, 0, work, 0, densities, start);
                }
                if (action != null) {
                    action.accept(start, m, scores);
                }
            }
        });
    }

    /** log p(x) of each row of {@code panels}; rows are independent, so threads cannot change a value. */
    static double[] logDensities(Gaussians gaussians, RowPanels panels, boolean parallel) {
        double[] out = new double[panels.rows];
        scoreBlocks(gaussians, panels, parallel, null, false, out);
        return out;
    }

    /** Mean log p(x) over the rows of {@code panels}, summed in row order. */
    static double meanLogDensity(Gaussians gaussians, RowPanels panels, boolean parallel) {
        double sum = 0;
        for (double density : logDensities(gaussians, panels, parallel)) {
            sum += density;
        }
        return sum / panels.rows;
    }

    static double bic(Gaussians gaussians, double meanLogLikelihood, int rows) {
        return -2 * meanLogLikelihood * rows + gaussians.parameterCount() * Math.log(rows);
    }

    static double aic(Gaussians gaussians, double meanLogLikelihood, int rows) {
        return -2 * meanLogLikelihood * rows + 2.0 * gaussians.parameterCount();
    }

    @Override
    public String toString() {
        return "GaussianMixtureModel[" + gaussians.k + " " + gaussians.type.key() + " components × " + gaussians.d
                + " features, log-likelihood " + logLikelihood + "]";
    }
}
