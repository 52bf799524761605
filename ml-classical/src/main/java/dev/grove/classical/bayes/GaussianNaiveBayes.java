package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import java.util.Objects;

/**
 * Gaussian naive Bayes, as scikit-learn's {@code GaussianNB}: each feature is normal within each
 * class, independently of the others. Fitting takes the class frequencies as priors and each
 * class's per-feature mean and population variance, plus ε = var-smoothing × the largest feature
 * variance of all training rows, which keeps near-constant features from dominating.
 */
public final class GaussianNaiveBayes implements Estimator<GaussianNaiveBayesModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "gaussian-nb";

    private final GaussianNaiveBayesParams params;

    /** An estimator with {@code params}. */
    public GaussianNaiveBayes(GaussianNaiveBayesParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public GaussianNaiveBayesParams params() {
        return params;
    }

    /**
     * Fits a model on {@code data} (class targets, finite features, at least one row). Classes of the
     * schema without rows get prior 0 and are never predicted.
     *
     * <p>Two passes over the rows, each in fixed blocks that may run in parallel: per-class sums give
     * the means, then per-class sums of squared deviations give the variances (the two-pass form NumPy's
     * var uses, free of cancellation). The variance of each feature over all rows, for ε, follows from
     * the class figures: n·σ² = Σₖ [nₖσₖ² + nₖ(μₖ − μ)²].
     *
     * @throws IllegalArgumentException if the data does not meet those needs, or a class has a feature
     *                                  of zero variance even after smoothing
     */
    @Override
    public GaussianNaiveBayesModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        int rows = labels.length;
        int features = data.featureCount();
        int classes = data.schema().classLabels().size();
        int[] counts = Inputs.classCounts(labels, classes);
        boolean parallel = context.threads() > 1;

        double[][] means = ClassSums.of(data, labels, classes, BadValues::firstNonFinite,
                (row, column, value) -> BadValues.at(NAME, data, row, column, value, "the features must be finite numbers"),
                parallel);
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < features; j++) {
                means[k][j] = counts[k] == 0 ? 0 : means[k][j] / counts[k];
            }
        }
        double[][] variances = ClassSums.squaredDeviations(data, labels, means, parallel);
        double largestVariance = largestVariance(means, variances, counts, rows);
        if (!Double.isFinite(largestVariance)) {
            throw new IllegalArgumentException(NAME + ": the features are too large to square and sum in float64"
                    + " (the variance of the features overflows); rescale them");
        }
        double epsilon = params.varSmoothing() * largestVariance;
        double[] priors = new double[classes];
        for (int k = 0; k < classes; k++) {
            priors[k] = (double) counts[k] / rows;
            for (int j = 0; j < features; j++) {
                variances[k][j] = (counts[k] == 0 ? 0 : variances[k][j] / counts[k]) + epsilon;
                if (counts[k] > 0 && variances[k][j] == 0) {
                    throw new IllegalArgumentException(NAME + ": feature '" + data.schema().featureNames().get(j)
                            + "' is constant within class '" + data.schema().classLabels().get(k)
                            + "' and var-smoothing adds nothing (it is " + params.varSmoothing()
                            + " × the largest feature variance " + largestVariance
                            + "); use var-smoothing > 0 on data whose features vary");
                }
            }
        }
        return new GaussianNaiveBayesModel(data.schema(), priors, means, variances, epsilon);
    }

    /**
     * The largest population variance of any feature over all rows (0 without features), from the
     * per-class means and sums of squared deviations.
     */
    private static double largestVariance(double[][] means, double[][] squaredDeviations, int[] counts, int rows) {
        int features = means.length == 0 ? 0 : means[0].length;
        double largest = 0;
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int k = 0; k < means.length; k++) {
                sum += counts[k] * means[k][j];
            }
            double mean = sum / rows;
            double squares = 0;
            for (int k = 0; k < means.length; k++) {
                double offset = means[k][j] - mean;
                squares += squaredDeviations[k][j] + counts[k] * offset * offset;
            }
            largest = Math.max(largest, squares / rows);
        }
        return largest;
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
