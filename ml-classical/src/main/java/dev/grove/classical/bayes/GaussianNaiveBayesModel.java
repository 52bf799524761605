package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.LogSumExp;
import dev.grove.classical.internal.StateChecks;

/**
 * A fitted Gaussian naive Bayes: immutable and safe to share between threads. A row's joint
 * log-likelihood for class k is log P(k) − ½ Σⱼ [log(2π σ²ₖⱼ) + (xⱼ − μₖⱼ)² / σ²ₖⱼ]; prediction takes
 * the largest, and the probabilities are their softmax.
 *
 * <p>{@link #state()} holds arrays {@code class-priors} (classes), {@code means} and
 * {@code variances} (classes × features, smoothing included) and attribute {@code epsilon}.
 */
public final class GaussianNaiveBayesModel implements Classifier {

    private final Schema schema;
    private final double[] priors;
    private final double[][] means;
    private final double[][] variances;
    private final double epsilon;
    private final double[] logPriors;
    /** −½ Σⱼ log(2π σ²ₖⱼ) per class: the part of the log-likelihood that does not depend on the row. */
    private final double[] logNormalisers;

    GaussianNaiveBayesModel(Schema schema, double[] priors, double[][] means, double[][] variances, double epsilon) {
        this.schema = schema;
        this.priors = priors;
        this.means = means;
        this.variances = variances;
        this.epsilon = epsilon;
        this.logPriors = new double[priors.length];
        this.logNormalisers = new double[priors.length];
        for (int k = 0; k < priors.length; k++) {
            logPriors[k] = Math.log(priors[k]);
            double sum = 0;
            for (double variance : variances[k]) {
                sum += Math.log(2 * Math.PI * variance);
            }
            logNormalisers[k] = -0.5 * sum;
        }
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on (the component's
     * restorer; the params do not affect prediction).
     *
     * @throws IllegalArgumentException if an array is missing, misshapen or holds impossible values
     */
    public static GaussianNaiveBayesModel restore(GaussianNaiveBayesParams params, Schema schema, ModelState state) {
        String component = GaussianNaiveBayes.NAME;
        int classes = StateChecks.classCount(component, schema);
        int features = schema.featureCount();
        double[] priors = StateChecks.finite(component, "class-priors", state.doubles("class-priors", classes));
        double[][] means = rows(StateChecks.finite(component, "means", state.doubles("means", classes, features)), classes);
        double[][] variances = rows(StateChecks.finite(component, "variances",
                state.doubles("variances", classes, features)), classes);
        double total = 0;
        for (int k = 0; k < classes; k++) {
            if (priors[k] < 0 || priors[k] > 1) {
                throw new IllegalArgumentException(component + ": model state 'class-priors' holds " + priors[k]
                        + " for class '" + schema.classLabels().get(k) + "'; expected a probability in [0, 1]");
            }
            total += priors[k];
            for (int j = 0; j < features; j++) {
                double v = variances[k][j];
                if (v < 0 || (v == 0 && priors[k] > 0)) {
                    throw new IllegalArgumentException(component + ": model state 'variances' holds " + v + " for class '"
                            + schema.classLabels().get(k) + "', feature '" + schema.featureNames().get(j)
                            + "'; expected a variance > 0");
                }
            }
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException(component + ": model state 'class-priors' sums to " + total
                    + "; expected 1");
        }
        return new GaussianNaiveBayesModel(schema, priors, means, variances,
                StateChecks.nonNegative(component, state, "epsilon"));
    }

    private static double[][] rows(double[] flat, int count) {
        int width = count == 0 ? 0 : flat.length / count;
        double[][] out = new double[count][width];
        for (int k = 0; k < count; k++) {
            System.arraycopy(flat, k * width, out[k], 0, width);
        }
        return out;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The prior of each class: its share of the training rows. A copy. */
    public double[] classPriors() {
        return priors.clone();
    }

    /** The mean of each feature within each class (classes × features). A copy. */
    public double[][] means() {
        return copy(means);
    }

    /** The variance of each feature within each class, epsilon included (classes × features). A copy. */
    public double[][] variances() {
        return copy(variances);
    }

    /** The smoothing added to every variance: var-smoothing × the largest feature variance of the training data. */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public ModelState state() {
        int classes = priors.length;
        int features = schema.featureCount();
        return ModelState.builder()
                .put("class-priors", priors, classes)
                .put("means", flatten(means, features), classes, features)
                .put("variances", flatten(variances, features), classes, features)
                .attribute("epsilon", Double.toString(epsilon))
                .build();
    }

    @Override
    public int[] predict(Dataset data) {
        double[] x = features(data);
        int[] out = new int[data.rows()];
        double[] logLikelihoods = new double[priors.length];
        for (int i = 0; i < out.length; i++) {
            jointLogLikelihoods(x, i, logLikelihoods);
            out[i] = LogSumExp.argMax(logLikelihoods);
        }
        return out;
    }

    @Override
    public double[][] predictProba(Dataset data) {
        double[] x = features(data);
        double[][] out = new double[data.rows()][];
        for (int i = 0; i < out.length; i++) {
            double[] row = new double[priors.length];
            jointLogLikelihoods(x, i, row);
            LogSumExp.softmaxInPlace(row);
            out[i] = row;
        }
        return out;
    }

    private double[] features(Dataset data) {
        checkColumns(data);
        return Inputs.finiteFeatures(GaussianNaiveBayes.NAME, data);
    }

    private void jointLogLikelihoods(double[] x, int row, double[] into) {
        int features = schema.featureCount();
        int offset = row * features;
        for (int k = 0; k < priors.length; k++) {
            if (priors[k] == 0) {
                // A class without training rows is impossible, whatever its (meaningless) mean and variance.
                into[k] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double[] mean = means[k];
            double[] variance = variances[k];
            double squares = 0;
            for (int j = 0; j < features; j++) {
                double deviation = x[offset + j] - mean[j];
                squares += deviation * deviation / variance[j];
            }
            into[k] = logPriors[k] + (logNormalisers[k] - 0.5 * squares);
        }
    }

    private static double[][] copy(double[][] matrix) {
        double[][] out = new double[matrix.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = matrix[k].clone();
        }
        return out;
    }

    private static double[] flatten(double[][] matrix, int width) {
        double[] out = new double[matrix.length * width];
        for (int k = 0; k < matrix.length; k++) {
            System.arraycopy(matrix[k], 0, out, k * width, width);
        }
        return out;
    }

    @Override
    public String toString() {
        return "GaussianNaiveBayesModel[" + priors.length + " classes × " + schema.featureCount() + " features]";
    }
}
