package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;

/**
 * A fitted Bernoulli naive Bayes: immutable and safe to share between threads. With the features
 * binarised to b ∈ {0, 1}, a row's joint log-likelihood for class k is
 * log P(k) + Σⱼ [bⱼ log pₖⱼ + (1 − bⱼ) log(1 − pₖⱼ)], computed as scikit-learn does:
 * Σⱼ bⱼ (log pₖⱼ − log(1 − pₖⱼ)) + (log P(k) + Σⱼ log(1 − pₖⱼ)). Prediction takes the largest, and the
 * probabilities are their softmax.
 *
 * <p>{@link #state()} holds the counts it was fitted from, as scikit-learn keeps them: arrays
 * {@code class-count} (rows per class) and {@code feature-count} (classes × features, the rows of each
 * class where the feature is present). The probabilities follow from them and the params.
 */
public final class BernoulliNaiveBayesModel implements Classifier {

    private final Schema schema;
    private final double[] classCounts;
    private final double[][] featureCounts;
    private final double[] classLogPriors;
    private final double[][] featureLogProbs;
    private final DiscreteNaiveBayes likelihoods;

    BernoulliNaiveBayesModel(BernoulliNaiveBayesParams params, Schema schema, double[] classCounts,
                             double[][] featureCounts) {
        this.schema = schema;
        this.classCounts = classCounts;
        this.featureCounts = featureCounts;
        this.classLogPriors = DiscreteNaiveBayes.classLogPriors(classCounts, params.fitPrior());
        double alpha = DiscreteNaiveBayes.effectiveAlpha(params.alpha());
        int classes = classCounts.length;
        int features = schema.featureCount();
        this.featureLogProbs = new double[classes][features];
        double[][] weights = new double[classes][features];
        double[] biases = new double[classes];
        for (int k = 0; k < classes; k++) {
            double logDenominator = Math.log(classCounts[k] + 2 * alpha);
            double absentSum = 0;
            for (int j = 0; j < features; j++) {
                double logPresent = Math.log(featureCounts[k][j] + alpha) - logDenominator;
                double logAbsent = Math.log(1 - Math.exp(logPresent));
                featureLogProbs[k][j] = logPresent;
                weights[k][j] = logPresent - logAbsent;
                absentSum += logAbsent;
            }
            biases[k] = classLogPriors[k] + absentSum;
        }
        this.likelihoods = new DiscreteNaiveBayes(BernoulliNaiveBayes.NAME, schema, weights, biases,
                BernoulliNaiveBayes.binariser(params.binarize()), BernoulliNaiveBayes.expected(params.binarize()));
    }

    /**
     * Rebuilds a model from {@link #state()}, the schema it was trained on and its params (alpha,
     * binarize and fit-prior).
     *
     * @throws IllegalArgumentException if an array is missing, misshapen or holds impossible counts (a
     *                                  feature present in more rows than its class has)
     */
    public static BernoulliNaiveBayesModel restore(BernoulliNaiveBayesParams params, Schema schema, ModelState state) {
        String component = BernoulliNaiveBayes.NAME;
        double[] classCounts = DiscreteNaiveBayes.restoreClassCounts(component, schema, state);
        double[][] featureCounts = DiscreteNaiveBayes.restoreFeatureCounts(component, schema, state);
        for (int k = 0; k < classCounts.length; k++) {
            for (int j = 0; j < schema.featureCount(); j++) {
                if (featureCounts[k][j] > classCounts[k]) {
                    throw new IllegalArgumentException(component + ": model state 'feature-count' holds "
                            + featureCounts[k][j] + " for class '" + schema.classLabels().get(k) + "', feature '"
                            + schema.featureNames().get(j) + "', more than the class's " + classCounts[k]
                            + " rows; expected a count of rows where the feature is present");
                }
            }
        }
        return new BernoulliNaiveBayesModel(params, schema, classCounts, featureCounts);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Training rows per class (scikit-learn's class_count_). A copy. */
    public double[] classCounts() {
        return classCounts.clone();
    }

    /** Rows of each class where each feature is present, classes × features (scikit-learn's feature_count_). A copy. */
    public double[][] featureCounts() {
        return DiscreteNaiveBayes.copy(featureCounts);
    }

    /** log P(class); −∞ for a class without training rows (scikit-learn's class_log_prior_). A copy. */
    public double[] classLogPriors() {
        return classLogPriors.clone();
    }

    /** Smoothed log P(feature present | class), classes × features (scikit-learn's feature_log_prob_). A copy. */
    public double[][] featureLogProbs() {
        return DiscreteNaiveBayes.copy(featureLogProbs);
    }

    @Override
    public ModelState state() {
        return DiscreteNaiveBayes.state(classCounts, featureCounts, schema.featureCount());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the columns differ from training, or a feature is not finite
     *                                  (or, with a negative binarize, not 0 or 1)
     */
    @Override
    public int[] predict(Dataset data) {
        checkColumns(data);
        return likelihoods.predict(data);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the columns differ from training, or a feature is not finite
     *                                  (or, with a negative binarize, not 0 or 1)
     */
    @Override
    public double[][] predictProba(Dataset data) {
        checkColumns(data);
        return likelihoods.predictProba(data);
    }

    @Override
    public String toString() {
        return "BernoulliNaiveBayesModel[" + classCounts.length + " classes × " + schema.featureCount() + " features]";
    }
}
