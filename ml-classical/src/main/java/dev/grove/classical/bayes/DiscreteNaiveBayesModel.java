package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;

/**
 * What the fitted multinomial and Bernoulli naive Bayes models have in common: the counts they were
 * fitted from (their saved state, as scikit-learn keeps them), the log-probabilities derived from
 * those counts, and prediction as the softmax of linear joint log-likelihoods. Immutable and safe to
 * share between threads. The subclasses say how counts become probabilities.
 */
public abstract sealed class DiscreteNaiveBayesModel implements Classifier
        permits MultinomialNaiveBayesModel, BernoulliNaiveBayesModel {

    private final Schema schema;
    private final double[] classCounts;
    private final double[][] featureCounts;
    private final double[] classLogPriors;
    private final double[][] featureLogProbs;
    private final DiscreteNaiveBayes likelihoods;

    DiscreteNaiveBayesModel(Schema schema, double[] classCounts, double[][] featureCounts, double[] classLogPriors,
                            double[][] featureLogProbs, DiscreteNaiveBayes likelihoods) {
        this.schema = schema;
        this.classCounts = classCounts;
        this.featureCounts = featureCounts;
        this.classLogPriors = classLogPriors;
        this.featureLogProbs = featureLogProbs;
        this.likelihoods = likelihoods;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Training rows per class (scikit-learn's class_count_). A copy. */
    public double[] classCounts() {
        return classCounts.clone();
    }

    /**
     * The per-class feature counts, classes × features (scikit-learn's feature_count_): summed
     * features for multinomial, rows where the feature is present for Bernoulli. A copy.
     */
    public double[][] featureCounts() {
        return DiscreteNaiveBayes.copy(featureCounts);
    }

    /** log P(class); −∞ for a class without training rows (scikit-learn's class_log_prior_). A copy. */
    public double[] classLogPriors() {
        return classLogPriors.clone();
    }

    /**
     * Smoothed log-probabilities, classes × features (scikit-learn's feature_log_prob_): log θₖⱼ for
     * multinomial, log P(feature present | class) for Bernoulli. A copy.
     */
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
     * @throws IllegalArgumentException if the columns differ from training, or a feature is not a value
     *                                  the model accepts (negative or not finite for multinomial; not
     *                                  finite, or with a negative binarize not 0 or 1, for Bernoulli)
     */
    @Override
    public int[] predict(Dataset data) {
        checkColumns(data);
        return likelihoods.predict(data);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException as {@link #predict}
     */
    @Override
    public double[][] predictProba(Dataset data) {
        checkColumns(data);
        return likelihoods.predictProba(data);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + classCounts.length + " classes × " + schema.featureCount() + " features]";
    }
}
