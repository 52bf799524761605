package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.LogSumExp;
import dev.grove.classical.internal.StateChecks;

/**
 * What multinomial and Bernoulli naive Bayes share, following scikit-learn's {@code _BaseDiscreteNB}:
 * the smoothing floor, the class log-priors, the saved counts, and prediction from joint
 * log-likelihoods that are linear in the (transformed) features, jllₖ(x) = Σⱼ x'ⱼ·wₖⱼ + bₖ.
 */
final class DiscreteNaiveBayes {

    /** scikit-learn raises a smaller alpha to this (force_alpha false, its 1.2 default): log(0) would follow. */
    static final double MIN_ALPHA = 1e-10;

    private final String component;
    private final Schema schema;
    private final double[][] weights;
    private final double[] biases;
    private final ClassSums.RowTransform transform;
    private final String expected;

    /**
     * @param weights   wₖⱼ, classes × features
     * @param biases    bₖ per class (−∞ for a class that is never predicted)
     * @param transform checks and rewrites a row's features before they are weighted
     * @param expected  what the features must be, for the error about a value the transform rejects
     */
    DiscreteNaiveBayes(String component, Schema schema, double[][] weights, double[] biases,
                       ClassSums.RowTransform transform, String expected) {
        this.component = component;
        this.schema = schema;
        this.weights = weights;
        this.biases = biases;
        this.transform = transform;
        this.expected = expected;
    }

    /** The smoothing actually applied: {@code alpha}, or {@link #MIN_ALPHA} if that is smaller. */
    static double effectiveAlpha(double alpha) {
        return Math.max(alpha, MIN_ALPHA);
    }

    /**
     * log P(class): log nₖ − log n with {@code fitPrior}, else −log(classes with rows). A class
     * without training rows gets −∞: it is never predicted, as scikit-learn never predicts a class
     * it has not seen.
     */
    static double[] classLogPriors(double[] classCounts, boolean fitPrior) {
        double total = 0;
        int present = 0;
        for (double count : classCounts) {
            total += count;
            present += count > 0 ? 1 : 0;
        }
        double[] out = new double[classCounts.length];
        for (int k = 0; k < out.length; k++) {
            if (classCounts[k] == 0) {
                out[k] = Double.NEGATIVE_INFINITY;
            } else {
                out[k] = fitPrior ? Math.log(classCounts[k]) - Math.log(total) : -Math.log(present);
            }
        }
        return out;
    }

    /** The number of rows of each class, as doubles (scikit-learn's class_count_). */
    static double[] classCounts(int[] labels, int classes) {
        double[] out = new double[classes];
        for (int label : labels) {
            out[label]++;
        }
        return out;
    }

    /** State arrays {@code class-count} (classes) and {@code feature-count} (classes × features). */
    static ModelState state(double[] classCounts, double[][] featureCounts, int features) {
        double[] flat = new double[featureCounts.length * features];
        for (int k = 0; k < featureCounts.length; k++) {
            System.arraycopy(featureCounts[k], 0, flat, k * features, features);
        }
        return ModelState.builder()
                .put("class-count", classCounts, classCounts.length)
                .put("feature-count", flat, featureCounts.length, features)
                .build();
    }

    /** The {@code class-count} array of a saved state: finite, ≥ 0, not all 0. */
    static double[] restoreClassCounts(String component, Schema schema, ModelState state) {
        int classes = StateChecks.classCount(component, schema);
        double[] counts = StateChecks.finite(component, "class-count", state.doubles("class-count", classes));
        double total = 0;
        for (int k = 0; k < classes; k++) {
            if (counts[k] < 0) {
                throw new IllegalArgumentException(component + ": model state 'class-count' holds " + counts[k]
                        + " for class '" + schema.classLabels().get(k) + "'; expected a count >= 0");
            }
            total += counts[k];
        }
        if (total == 0) {
            throw new IllegalArgumentException(component + ": model state 'class-count' is all zero; expected the"
                    + " number of training rows of each class");
        }
        return counts;
    }

    /** The {@code feature-count} array of a saved state: finite and ≥ 0, classes × features. */
    static double[][] restoreFeatureCounts(String component, Schema schema, ModelState state) {
        int classes = schema.classLabels().size();
        int features = schema.featureCount();
        double[] flat = StateChecks.finite(component, "feature-count", state.doubles("feature-count", classes, features));
        double[][] out = new double[classes][features];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < features; j++) {
                double count = flat[k * features + j];
                if (count < 0) {
                    throw new IllegalArgumentException(component + ": model state 'feature-count' holds " + count
                            + " for class '" + schema.classLabels().get(k) + "', feature '"
                            + schema.featureNames().get(j) + "'; expected a count >= 0");
                }
                out[k][j] = count;
            }
        }
        return out;
    }

    /** A deep copy of {@code matrix}. */
    static double[][] copy(double[][] matrix) {
        double[][] out = new double[matrix.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = matrix[k].clone();
        }
        return out;
    }

    /** The most likely class of each row (the first on ties). */
    int[] predict(Dataset data) {
        int[] out = new int[data.rows()];
        double[] row = new double[schema.featureCount()];
        double[] scores = new double[biases.length];
        for (int i = 0; i < out.length; i++) {
            jointLogLikelihoods(data, i, row, scores);
            out[i] = LogSumExp.argMax(scores);
        }
        return out;
    }

    /** P(class | row): the softmax of the joint log-likelihoods, shifted by their largest so nothing overflows. */
    double[][] predictProba(Dataset data) {
        double[][] out = new double[data.rows()][];
        double[] row = new double[schema.featureCount()];
        for (int i = 0; i < out.length; i++) {
            double[] scores = new double[biases.length];
            jointLogLikelihoods(data, i, row, scores);
            LogSumExp.softmaxInPlace(scores);
            out[i] = scores;
        }
        return out;
    }

    private void jointLogLikelihoods(Dataset data, int i, double[] row, double[] into) {
        data.row(i, row);
        int column = transform.apply(row);
        if (column >= 0) {
            throw BadValues.at(component, data, i, column, data.feature(i, column), expected);
        }
        for (int k = 0; k < biases.length; k++) {
            double[] w = weights[k];
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                sum += row[j] * w[j];
            }
            into[k] = sum + biases[k];
        }
    }
}
