package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import java.util.Objects;

/**
 * Bernoulli naive Bayes, as scikit-learn's {@code BernoulliNB}: each feature is present or absent
 * (after thresholding at {@code binarize}), independently within each class. Fitting counts the rows
 * of each class where each feature is present, Nₖⱼ, and smooths them:
 * log pₖⱼ = log(Nₖⱼ + α) − log(nₖ + 2α). Unlike multinomial naive Bayes, an absent feature counts
 * as evidence too (through log(1 − pₖⱼ)). One pass over the rows, in fixed blocks that may run in
 * parallel; the result is bitwise the same for any thread budget.
 */
public final class BernoulliNaiveBayes implements Estimator<BernoulliNaiveBayesModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "bernoulli-nb";

    private final BernoulliNaiveBayesParams params;

    /** An estimator with {@code params}. */
    public BernoulliNaiveBayes(BernoulliNaiveBayesParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public BernoulliNaiveBayesParams params() {
        return params;
    }

    /**
     * Fits a model on {@code data} (class targets, at least one row, finite features; 0 or 1 with a
     * negative binarize). Classes of the schema without rows are never predicted.
     *
     * @throws IllegalArgumentException if the data does not meet those needs; a bad value is named by
     *                                  its row and column
     */
    @Override
    public BernoulliNaiveBayesModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        int classes = data.schema().classLabels().size();
        double[][] featureCounts = ClassSums.of(data, labels, classes, binariser(params.binarize()),
                (row, column, value) -> BadValues.at(NAME, data, row, column, value, expected(params.binarize())),
                context.threads() > 1);
        return new BernoulliNaiveBayesModel(params, data.schema(), DiscreteNaiveBayes.classCounts(labels, classes),
                featureCounts);
    }

    /**
     * Turns a row into 0/1 in place: value &gt; threshold → 1, else 0 (scikit-learn's binarize); with a
     * negative threshold, accepts only values that already are 0 or 1. Rejects NaN and infinities.
     */
    static ClassSums.RowTransform binariser(double threshold) {
        if (threshold < 0) {
            return values -> {
                for (int j = 0; j < values.length; j++) {
                    if (values[j] != 0 && values[j] != 1) {
                        return j;
                    }
                }
                return -1;
            };
        }
        return values -> {
            for (int j = 0; j < values.length; j++) {
                double v = values[j];
                if (!Double.isFinite(v)) {
                    return j;
                }
                values[j] = v > threshold ? 1 : 0;
            }
            return -1;
        };
    }

    /** What the features must be, for error messages. */
    static String expected(double threshold) {
        return threshold < 0
                ? "with binarize < 0 the features must already be 0 or 1 (give binarize >= 0 to threshold them)"
                : "the features must be finite numbers";
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
