package dev.grove.nlp.word2vec;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Pearson's and Spearman's correlation coefficients, as scipy.stats computes them. */
final class Correlation {

    private Correlation() {
    }

    /** Pearson's correlation of x and y (equal lengths, at least 2); NaN if either is constant. */
    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Spearman's rank correlation: Pearson's correlation of the ranks, tied values sharing their average rank. */
    static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /** The 1-based ranks of {@code values}, ties given the mean of the ranks they span (scipy's rankdata 'average'). */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            double average = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = average;
            }
            start = end;
        }
        return ranks;
    }
}
