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
     * @throws IllegalArgumentException if the data does not meet those needs, or a class has a feature
     *                                  of zero variance even after smoothing
     */
    @Override
    public GaussianNaiveBayesModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        double[] x = Inputs.finiteFeatures(NAME, data);
        int rows = labels.length;
        int features = data.featureCount();
        int classes = data.schema().classLabels().size();
        int[] counts = Inputs.classCounts(labels, classes);

        double epsilon = params.varSmoothing() * largestVariance(x, rows, features);
        double[][] means = new double[classes][features];
        double[][] variances = new double[classes][features];
        for (int i = 0; i < rows; i++) {
            double[] mean = means[labels[i]];
            for (int j = 0; j < features; j++) {
                mean[j] += x[i * features + j];
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < features; j++) {
                means[k][j] = counts[k] == 0 ? 0 : means[k][j] / counts[k];
            }
        }
        // Two passes (mean, then squared deviations) as NumPy's var does: no cancellation.
        for (int i = 0; i < rows; i++) {
            double[] mean = means[labels[i]];
            double[] variance = variances[labels[i]];
            for (int j = 0; j < features; j++) {
                double deviation = x[i * features + j] - mean[j];
                variance[j] += deviation * deviation;
            }
        }
        double[] priors = new double[classes];
        for (int k = 0; k < classes; k++) {
            priors[k] = (double) counts[k] / rows;
            for (int j = 0; j < features; j++) {
                variances[k][j] = (counts[k] == 0 ? 0 : variances[k][j] / counts[k]) + epsilon;
                if (counts[k] > 0 && variances[k][j] == 0) {
                    throw new IllegalArgumentException(NAME + ": feature '" + data.schema().featureNames().get(j)
                            + "' is constant within class '" + data.schema().classLabels().get(k)
                            + "' and var-smoothing adds nothing (it is " + params.varSmoothing()
                            + " × the largest feature variance " + largestVariance(x, rows, features)
                            + "); use var-smoothing > 0 on data whose features vary");
                }
            }
        }
        return new GaussianNaiveBayesModel(data.schema(), priors, means, variances, epsilon);
    }

    /** The largest population variance of any feature over all rows (0 without features). */
    private static double largestVariance(double[] x, int rows, int features) {
        double largest = 0;
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += x[i * features + j];
            }
            double mean = sum / rows;
            double squares = 0;
            for (int i = 0; i < rows; i++) {
                double deviation = x[i * features + j] - mean;
                squares += deviation * deviation;
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
