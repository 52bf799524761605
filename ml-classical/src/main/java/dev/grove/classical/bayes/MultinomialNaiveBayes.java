package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import java.util.Objects;

/**
 * Multinomial naive Bayes, as scikit-learn's {@code MultinomialNB}: the features of a row are counts
 * (or frequencies, e.g. tf-idf) drawn from a per-class multinomial distribution. Fitting sums the
 * features of each class's rows, Nₖⱼ, and smooths them:
 * log θₖⱼ = log(Nₖⱼ + α) − log Σⱼ(Nₖⱼ + α). One pass over the rows, in fixed blocks that may run
 * in parallel; the result is bitwise the same for any thread budget.
 */
public final class MultinomialNaiveBayes implements Estimator<MultinomialNaiveBayesModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "multinomial-nb";

    /** What the features must be, for error messages. */
    static final String EXPECTED = "multinomial naive Bayes needs counts or frequencies: finite numbers >= 0";

    private final MultinomialNaiveBayesParams params;

    /** An estimator with {@code params}. */
    public MultinomialNaiveBayes(MultinomialNaiveBayesParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public MultinomialNaiveBayesParams params() {
        return params;
    }

    /**
     * Fits a model on {@code data} (class targets, at least one row, features finite and ≥ 0).
     * Classes of the schema without rows are never predicted.
     *
     * @throws IllegalArgumentException if the data does not meet those needs; a bad value is named by
     *                                  its row and column
     */
    @Override
    public MultinomialNaiveBayesModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        int classes = data.schema().classLabels().size();
        double[][] featureCounts = ClassSums.of(data, labels, classes, MultinomialNaiveBayes::firstNotACount,
                (row, column, value) -> BadValues.at(NAME, data, row, column, value, EXPECTED), context.threads() > 1);
        return new MultinomialNaiveBayesModel(params, data.schema(), DiscreteNaiveBayes.classCounts(labels, classes),
                featureCounts);
    }

    /** The column of the first value that is negative, NaN or infinite, or −1. */
    static int firstNotACount(double[] values) {
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
