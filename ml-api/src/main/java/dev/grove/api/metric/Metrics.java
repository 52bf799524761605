package dev.grove.api.metric;

import java.util.Arrays;

/**
 * Plain metric functions for embedders, following scikit-learn's definitions: the registered
 * {@link Metric} components delegate here. Class labels and cluster ids are non-negative ints;
 * regression targets are doubles.
 *
 * <p>Macro and weighted averages run over the labels present in the truth or the predictions (as
 * scikit-learn's {@code labels=None}); a precision, recall or F1 whose denominator is zero counts
 * as 0 ({@code zero_division=0}).
 */
public final class Metrics {

    /** Probabilities are clipped to [EPS, 1 − EPS] before the log, as scikit-learn's log_loss. */
    private static final double LOG_LOSS_EPS = 1e-15;

    private Metrics() {
    }

    /** Fraction of rows whose predicted label equals the true one. */
    public static double accuracy(int[] truth, int[] predicted) {
        checkLabels(truth, predicted);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /** Unweighted mean over labels of tp / (tp + fp). */
    public static double precisionMacro(int[] truth, int[] predicted) {
        return averaged(Score.PRECISION, truth, predicted, false);
    }

    /** Mean over labels of tp / (tp + fp), weighted by each label's number of true rows. */
    public static double precisionWeighted(int[] truth, int[] predicted) {
        return averaged(Score.PRECISION, truth, predicted, true);
    }

    /** Unweighted mean over labels of tp / (tp + fn). */
    public static double recallMacro(int[] truth, int[] predicted) {
        return averaged(Score.RECALL, truth, predicted, false);
    }

    /** Mean over labels of tp / (tp + fn), weighted by each label's number of true rows. */
    public static double recallWeighted(int[] truth, int[] predicted) {
        return averaged(Score.RECALL, truth, predicted, true);
    }

    /** Unweighted mean over labels of F1 = 2 tp / (2 tp + fp + fn). */
    public static double f1Macro(int[] truth, int[] predicted) {
        return averaged(Score.F1, truth, predicted, false);
    }

    /** Mean over labels of F1, weighted by each label's number of true rows. */
    public static double f1Weighted(int[] truth, int[] predicted) {
        return averaged(Score.F1, truth, predicted, true);
    }

    /**
     * Counts of (true label, predicted label) pairs: row = true class, column = predicted class.
     *
     * @throws IllegalArgumentException if a label is outside [0, classes)
     */
    public static int[][] confusionMatrix(int[] truth, int[] predicted, int classes) {
        checkLabels(truth, predicted);
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= classes || predicted[i] >= classes) {
                throw new IllegalArgumentException("confusion matrix: row " + i + " has true label " + truth[i]
                        + " and predicted label " + predicted[i] + ", expected labels in [0, " + classes + ")");
            }
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    /**
     * Mean negative natural log of the probability given to the true class, each probability
     * clipped to [1e-15, 1 − 1e-15]. Rows of {@code probabilities} are expected to sum to 1.
     */
    public static double logLoss(int[] truth, double[][] probabilities) {
        checkNonEmpty(truth.length);
        checkLength("probabilities", truth.length, probabilities.length);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= probabilities[i].length) {
                throw new IllegalArgumentException("log loss: row " + i + " has true label " + truth[i] + " but only "
                        + probabilities[i].length + " class probabilities");
            }
            double p = Math.min(Math.max(probabilities[i][truth[i]], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            sum -= Math.log(p);
        }
        return sum / truth.length;
    }

    /**
     * Area under the ROC curve of a binary problem: the probability that a random positive row
     * (label 1) scores above a random negative one (label 0), ties counting one half. Computed from
     * ranks (Mann–Whitney U) with tied scores given their average rank.
     *
     * @throws IllegalArgumentException if labels are not 0/1, or only one class occurs
     */
    public static double rocAuc(int[] truth, double[] scores) {
        checkNonEmpty(truth.length);
        checkLength("scores", truth.length, scores.length);
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("roc auc: scores contain NaN");
        }
        long positives = 0;
        double positiveRankSum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && truth[i] != 1) {
                throw new IllegalArgumentException("roc auc: row " + i + " has label " + truth[i] + ", expected 0 or 1");
            }
            if (truth[i] == 1) {
                positives++;
                positiveRankSum += averageRank(sorted, scores[i]);
            }
        }
        long negatives = truth.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("roc auc is undefined when the truth has only one class ("
                    + (positives == 0 ? "no" : "only") + " positive rows)");
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Mean squared error. */
    public static double mse(double[] truth, double[] predicted) {
        checkValues(truth, predicted);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = truth[i] - predicted[i];
            sum += e * e;
        }
        return sum / truth.length;
    }

    /** Square root of the mean squared error. */
    public static double rmse(double[] truth, double[] predicted) {
        return Math.sqrt(mse(truth, predicted));
    }

    /** Mean absolute error. */
    public static double mae(double[] truth, double[] predicted) {
        checkValues(truth, predicted);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(truth[i] - predicted[i]);
        }
        return sum / truth.length;
    }

    /**
     * Coefficient of determination 1 − SS_res / SS_tot. As scikit-learn: a constant truth gives 1
     * when predicted perfectly and 0 otherwise; fewer than two rows give NaN.
     */
    public static double r2(double[] truth, double[] predicted) {
        checkValues(truth, predicted);
        int n = truth.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double t : truth) {
            mean += t;
        }
        mean /= n;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = truth[i] - predicted[i];
            residual += e * e;
            double d = truth[i] - mean;
            total += d * d;
        }
        if (total == 0) {
            return residual == 0 ? 1.0 : 0.0;
        }
        return 1 - residual / total;
    }

    /**
     * Mean silhouette coefficient with Euclidean distances: per row (b − a) / max(a, b), where a is
     * the mean distance to the other rows of its cluster and b the smallest mean distance to the
     * rows of another cluster; a row alone in its cluster scores 0. O(n²) distance computations.
     *
     * @param rows   the data, one array per row
     * @param labels cluster ids (non-negative); between 2 and n − 1 distinct ids
     */
    public static double silhouette(double[][] rows, int[] labels) {
        int n = rows.length;
        checkLength("labels", n, labels.length);
        int k = checkClusterIds(labels);
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        int distinct = 0;
        for (int size : sizes) {
            distinct += size > 0 ? 1 : 0;
        }
        if (distinct < 2 || distinct > n - 1) {
            throw new IllegalArgumentException("silhouette needs between 2 and n - 1 = " + (n - 1)
                    + " distinct clusters, got " + distinct);
        }
        // distanceSums[i * k + c] = sum of distances from row i to the rows of cluster c; each pair
        // is measured once and added to both rows.
        double[] distanceSums = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Math.sqrt(squaredDistance(rows[i], rows[j]));
                distanceSums[i * k + labels[j]] += d;
                distanceSums[j * k + labels[i]] += d;
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            int own = labels[i];
            if (sizes[own] == 1) {
                continue;
            }
            double a = distanceSums[i * k + own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, distanceSums[i * k + c] / sizes[c]);
                }
            }
            double denominator = Math.max(a, b);
            total += denominator == 0 ? 0 : (b - a) / denominator;
        }
        return total / n;
    }

    /** Sum over rows of the squared Euclidean distance to the mean of the rows sharing its cluster id. */
    public static double inertia(double[][] rows, int[] labels) {
        int n = rows.length;
        checkNonEmpty(n);
        checkLength("labels", n, labels.length);
        int k = checkClusterIds(labels);
        int d = rows[0].length;
        double[][] centroids = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("inertia: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + d);
            }
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                centroids[labels[i]][j] += rows[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d && sizes[c] > 0; j++) {
                centroids[c][j] /= sizes[c];
            }
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += squaredDistance(rows[i], centroids[labels[i]]);
        }
        return total;
    }

    private enum Score { PRECISION, RECALL, F1 }

    private static double averaged(Score score, int[] truth, int[] predicted, boolean weighted) {
        checkLabels(truth, predicted);
        int k = 0;
        for (int i = 0; i < truth.length; i++) {
            k = Math.max(k, Math.max(truth[i], predicted[i]) + 1);
        }
        long[] truePositives = new long[k];
        long[] trueCounts = new long[k];
        long[] predictedCounts = new long[k];
        for (int i = 0; i < truth.length; i++) {
            trueCounts[truth[i]]++;
            predictedCounts[predicted[i]]++;
            if (truth[i] == predicted[i]) {
                truePositives[truth[i]]++;
            }
        }
        double sum = 0;
        double weightSum = 0;
        for (int c = 0; c < k; c++) {
            if (trueCounts[c] == 0 && predictedCounts[c] == 0) {
                continue;
            }
            double value = switch (score) {
                case PRECISION -> ratio(truePositives[c], predictedCounts[c]);
                case RECALL -> ratio(truePositives[c], trueCounts[c]);
                case F1 -> ratio(2 * truePositives[c], predictedCounts[c] + trueCounts[c]);
            };
            double weight = weighted ? trueCounts[c] : 1;
            sum += weight * value;
            weightSum += weight;
        }
        return weightSum == 0 ? 0 : sum / weightSum;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    /** The average 1-based rank of {@code value} in ascending {@code sorted}, ties sharing their mean rank. */
    private static double averageRank(double[] sorted, double value) {
        int first = firstIndexAbove(sorted, value, false);
        int last = firstIndexAbove(sorted, value, true) - 1;
        return (first + last) / 2.0 + 1;
    }

    /** First index whose value is above {@code value} (or, if not {@code strictly}, not below it). */
    private static int firstIndexAbove(double[] sorted, double value, boolean strictly) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value || (strictly && sorted[mid] == value)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double e = a[j] - b[j];
            sum += e * e;
        }
        return sum;
    }

    /** Checks ids are non-negative; returns max id + 1. */
    private static int checkClusterIds(int[] labels) {
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("cluster id of row " + i + " is " + labels[i] + ", expected >= 0");
            }
            k = Math.max(k, labels[i] + 1);
        }
        return k;
    }

    private static void checkLabels(int[] truth, int[] predicted) {
        checkNonEmpty(truth.length);
        checkLength("predictions", truth.length, predicted.length);
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || predicted[i] < 0) {
                throw new IllegalArgumentException("row " + i + " has true label " + truth[i] + " and predicted label "
                        + predicted[i] + "; class labels must be >= 0");
            }
        }
    }

    private static void checkValues(double[] truth, double[] predicted) {
        checkNonEmpty(truth.length);
        checkLength("predictions", truth.length, predicted.length);
    }

    private static void checkNonEmpty(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("a metric needs at least one row, got none");
        }
    }

    private static void checkLength(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalArgumentException(what + " has " + actual + " entries but there are " + expected + " rows");
        }
    }
}
