package dev.grove.classical.bayes;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;

/**
 * A fitted multinomial naive Bayes: immutable and safe to share between threads. A row's joint
 * log-likelihood for class k is log P(k) + Σⱼ xⱼ·log θₖⱼ; prediction takes the largest, and the
 * probabilities are their softmax.
 *
 * <p>{@link #state()} holds the counts it was fitted from, as scikit-learn keeps them: arrays
 * {@code class-count} (rows per class) and {@code feature-count} (classes × features, the summed
 * features of each class's rows). The log-probabilities follow from them and the params.
 */
public final class MultinomialNaiveBayesModel extends DiscreteNaiveBayesModel {

    MultinomialNaiveBayesModel(MultinomialNaiveBayesParams params, Schema schema, double[] classCounts,
                               double[][] featureCounts) {
        this(schema, classCounts, featureCounts, DiscreteNaiveBayes.classLogPriors(classCounts, params.fitPrior()),
                featureLogProbs(featureCounts, DiscreteNaiveBayes.effectiveAlpha(params.alpha())));
    }

    /** The joint log-likelihood of class k is linear: weights log θₖ, bias log P(k). */
    private MultinomialNaiveBayesModel(Schema schema, double[] classCounts, double[][] featureCounts,
                                       double[] classLogPriors, double[][] featureLogProbs) {
        super(schema, classCounts, featureCounts, classLogPriors, featureLogProbs,
                new DiscreteNaiveBayes(MultinomialNaiveBayes.NAME, schema, featureLogProbs, classLogPriors,
                        MultinomialNaiveBayes::firstNotACount, MultinomialNaiveBayes.EXPECTED));
    }

    /** log(Nₖⱼ + α) − log Σⱼ(Nₖⱼ + α), scikit-learn's feature_log_prob_. */
    private static double[][] featureLogProbs(double[][] featureCounts, double alpha) {
        double[][] out = new double[featureCounts.length][];
        for (int k = 0; k < out.length; k++) {
            double[] smoothed = new double[featureCounts[k].length];
            double total = 0;
            for (int j = 0; j < smoothed.length; j++) {
                smoothed[j] = featureCounts[k][j] + alpha;
                total += smoothed[j];
            }
            double logTotal = Math.log(total);
            for (int j = 0; j < smoothed.length; j++) {
                smoothed[j] = Math.log(smoothed[j]) - logTotal;
            }
            out[k] = smoothed;
        }
        return out;
    }

    /**
     * Rebuilds a model from {@link #state()}, the schema it was trained on and its params (alpha and
     * fit-prior turn the counts into probabilities).
     *
     * @throws IllegalArgumentException if an array is missing, misshapen or holds impossible counts
     */
    public static MultinomialNaiveBayesModel restore(MultinomialNaiveBayesParams params, Schema schema, ModelState state) {
        String component = MultinomialNaiveBayes.NAME;
        double[] classCounts = DiscreteNaiveBayes.restoreClassCounts(component, schema, state);
        double[][] featureCounts = DiscreteNaiveBayes.restoreFeatureCounts(component, schema, state);
        return new MultinomialNaiveBayesModel(params, schema, classCounts, featureCounts);
    }
}
