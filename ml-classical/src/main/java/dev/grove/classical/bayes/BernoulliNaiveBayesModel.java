package dev.grove.classical.bayes;

import dev.grove.api.data.Schema;
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
public final class BernoulliNaiveBayesModel extends DiscreteNaiveBayesModel {

    BernoulliNaiveBayesModel(BernoulliNaiveBayesParams params, Schema schema, double[] classCounts,
                             double[][] featureCounts) {
        this(params, schema, classCounts, featureCounts, Probabilities.of(params, schema, classCounts, featureCounts));
    }

    private BernoulliNaiveBayesModel(BernoulliNaiveBayesParams params, Schema schema, double[] classCounts,
                                     double[][] featureCounts, Probabilities p) {
        super(schema, classCounts, featureCounts, p.classLogPriors(), p.featureLogProbs(),
                new DiscreteNaiveBayes(BernoulliNaiveBayes.NAME, schema, p.weights(), p.biases(),
                        BernoulliNaiveBayes.binariser(params.binarize()), BernoulliNaiveBayes.expected(params.binarize())));
    }

    /**
     * What the counts give: the priors, log P(present | class), and the joint log-likelihood as a
     * linear function of the binarised row (weights log p − log(1 − p), biases log P(k) + Σ log(1 − p)).
     */
    private record Probabilities(double[] classLogPriors, double[][] featureLogProbs, double[][] weights,
                                 double[] biases) {

        static Probabilities of(BernoulliNaiveBayesParams params, Schema schema, double[] classCounts,
                                double[][] featureCounts) {
            double[] classLogPriors = DiscreteNaiveBayes.classLogPriors(classCounts, params.fitPrior());
            double alpha = DiscreteNaiveBayes.effectiveAlpha(params.alpha());
            int classes = classCounts.length;
            int features = schema.featureCount();
            double[][] featureLogProbs = new double[classes][features];
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
            return new Probabilities(classLogPriors, featureLogProbs, weights, biases);
        }
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
}
