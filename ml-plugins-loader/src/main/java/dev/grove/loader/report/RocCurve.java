package dev.grove.loader.report;

import java.util.Arrays;

/**
 * The ROC curve of a binary classifier: for every threshold on the positive class's probability,
 * the false positive rate and the true positive rate, from (0, 0) to (1, 1), and the area under
 * it. Rows with the same score move both rates at once (a diagonal step), as scikit-learn's
 * {@code roc_curve} does.
 *
 * @param falsePositiveRate one value per point, rising
 * @param truePositiveRate  one value per point, rising
 * @param area              the area under the curve (trapezoids), 0.5 for chance, 1 for perfect
 */
record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double area) {

    /** The most points kept: a larger test set's curve is thinned evenly, keeping both ends. */
    static final int MAX_POINTS = 1_000;

    /**
     * The curve of {@code scores} (higher means more likely positive) against {@code positive}.
     *
     * @throws IllegalArgumentException if the lengths differ, or either class has no row
     */
    static RocCurve of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("ROC curve: " + scores.length + " scores but " + positive.length + " labels");
        }
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("ROC curve: needs rows of both classes, got " + positives + " positive and "
                    + negatives + " negative");
        }
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        int points = 1;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; k++) {
            if (positive[order[k]]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k == n - 1 || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie) {
                fpr[points] = fp / (double) negatives;
                tpr[points] = tp / (double) positives;
                points++;
            }
        }
        double area = 0;
        for (int i = 1; i < points; i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return thinned(Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), area);
    }

    private static RocCurve thinned(double[] fpr, double[] tpr, double area) {
        if (fpr.length <= MAX_POINTS) {
            return new RocCurve(fpr, tpr, area);
        }
        double[] x = new double[MAX_POINTS];
        double[] y = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            int from = (int) Math.round(i * (fpr.length - 1) / (double) (MAX_POINTS - 1));
            x[i] = fpr[from];
            y[i] = tpr[from];
        }
        return new RocCurve(x, y, area);
    }
}
