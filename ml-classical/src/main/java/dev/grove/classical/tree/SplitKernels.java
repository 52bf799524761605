package dev.grove.classical.tree;

import java.util.Arrays;

/**
 * The inner loops of tree growth, over segments {@code [from, to)} of one feature's sorted entries
 * ({@code rank << 32 | row << labelBits | label}, see {@link SortedColumns}). A scan walks a node's
 * segment once, moving rows from the right child to the left one and keeping the child statistics
 * up to date, and rates every threshold between two distinct consecutive values by the criterion's
 * proxy of the impurity decrease (scikit-learn's {@code proxy_impurity_improvement}: larger is
 * better). A partition copies a node's segment into the other buffer, left rows first, both sides in
 * order. The label travels inside the entry, so scans read memory only front to back.
 *
 * <p>Weights are whole numbers (bootstrap counts), or null for 1 each; {@code distinct} holds the
 * feature's distinct values by rank, for the threshold.
 */
final class SplitKernels {

    private SplitKernels() {
    }

    /**
     * Gini: maximises Σ_c left_c²/w_left + Σ_c right_c²/w_right. The class weights and their sums of
     * squares are whole numbers held exactly in doubles (below 2^53), and the best fraction is kept by
     * cross-multiplying, so the loop has no division.
     *
     * @param left scratch of one slot per class
     * @return false if the feature is constant in the segment (nothing offered)
     */
    static boolean gini(long[] entries, int from, int to, int labelBits, int[] weights, int[] parentCounts, int minLeaf,
                        double[] left, double[] distinct, int feature, BestSplit best) {
        if (rank(entries[from]) == rank(entries[to - 1])) {
            return false;
        }
        Arrays.fill(left, 0);
        double squaresLeft = 0;
        double squaresRight = 0;
        double weightRight = 0;
        for (int c : parentCounts) {
            squaresRight += (double) c * c;
            weightRight += c;
        }
        double weightLeft = 0;
        int labelMask = (1 << labelBits) - 1;
        int firstCandidate = from + minLeaf - 1;
        int lastCandidate = to - minLeaf - 1;
        double bestNumerator = -1;
        double bestDenominator = 1;
        int bestAt = -1;
        for (int k = from; k <= lastCandidate; k++) {
            long entry = entries[k];
            int label = (int) entry & labelMask;
            double w = weights == null ? 1 : weights[(int) entry >>> labelBits];
            double l = left[label];
            double r = parentCounts[label] - l;
            squaresLeft += w * (2 * l + w);
            squaresRight -= w * (2 * r - w);
            left[label] = l + w;
            weightLeft += w;
            weightRight -= w;
            if (k >= firstCandidate && rank(entries[k + 1]) != rank(entry)) {
                // squaresLeft / weightLeft + squaresRight / weightRight over a common denominator.
                double numerator = squaresLeft * weightRight + squaresRight * weightLeft;
                double denominator = weightLeft * weightRight;
                if (numerator * bestDenominator > bestNumerator * denominator) {
                    bestNumerator = numerator;
                    bestDenominator = denominator;
                    bestAt = k;
                }
            }
        }
        offer(entries, from, bestAt, bestNumerator / bestDenominator, distinct, feature, best);
        return true;
    }

    /**
     * Entropy: maximises Σ_c left_c ln left_c − w_left ln w_left plus the same for the right child
     * (−w·H per child, up to the factor ln 2), recomputed from the class weights at each candidate so
     * that no rounding accumulates. {@code xLogX[k]} is k ln k.
     *
     * @return false if the feature is constant in the segment
     */
    static boolean entropy(long[] entries, int from, int to, int labelBits, int[] weights, int[] parentCounts, int minLeaf,
                           int[] left, double[] xLogX, double[] distinct, int feature, BestSplit best) {
        if (rank(entries[from]) == rank(entries[to - 1])) {
            return false;
        }
        Arrays.fill(left, 0);
        int weightLeft = 0;
        int weightRight = 0;
        for (int c : parentCounts) {
            weightRight += c;
        }
        int labelMask = (1 << labelBits) - 1;
        int firstCandidate = from + minLeaf - 1;
        int lastCandidate = to - minLeaf - 1;
        double bestProxy = Double.NEGATIVE_INFINITY;
        int bestAt = -1;
        for (int k = from; k <= lastCandidate; k++) {
            long entry = entries[k];
            int w = weights == null ? 1 : weights[(int) entry >>> labelBits];
            left[(int) entry & labelMask] += w;
            weightLeft += w;
            weightRight -= w;
            if (k >= firstCandidate && rank(entries[k + 1]) != rank(entry)) {
                double proxy = -xLogX[weightLeft] - xLogX[weightRight];
                for (int c = 0; c < left.length; c++) {
                    proxy += xLogX[left[c]] + xLogX[parentCounts[c] - left[c]];
                }
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    bestAt = k;
                }
            }
        }
        offer(entries, from, bestAt, bestProxy, distinct, feature, best);
        return true;
    }

    /**
     * Squared error: maximises sum_left²/w_left + sum_right²/w_right, with sum_right = total − sum_left
     * as scikit-learn computes it.
     *
     * @return false if the feature is constant in the segment
     */
    static boolean squaredError(long[] entries, int from, int to, double[] targets, int[] weights, NodeStats parent,
                                int minLeaf, double[] distinct, int feature, BestSplit best) {
        if (rank(entries[from]) == rank(entries[to - 1])) {
            return false;
        }
        double sumLeft = 0;
        double weightLeft = 0;
        int firstCandidate = from + minLeaf - 1;
        int lastCandidate = to - minLeaf - 1;
        double bestProxy = Double.NEGATIVE_INFINITY;
        int bestAt = -1;
        for (int k = from; k <= lastCandidate; k++) {
            long entry = entries[k];
            int row = (int) entry;
            int w = weights == null ? 1 : weights[row];
            sumLeft += w * targets[row];
            weightLeft += w;
            if (k >= firstCandidate && rank(entries[k + 1]) != rank(entry)) {
                double sumRight = parent.sum - sumLeft;
                double proxy = sumLeft * sumLeft / weightLeft + sumRight * sumRight / (parent.weight - weightLeft);
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    bestAt = k;
                }
            }
        }
        offer(entries, from, bestAt, bestProxy, distinct, feature, best);
        return true;
    }

    private static long rank(long entry) {
        return entry >>> 32;
    }

    private static void offer(long[] entries, int from, int bestAt, double proxy, double[] distinct, int feature,
                              BestSplit best) {
        if (bestAt >= 0) {
            double below = distinct[(int) rank(entries[bestAt])];
            double above = distinct[(int) rank(entries[bestAt + 1])];
            best.offer(feature, proxy, bestAt + 1 - from, threshold(below, above));
        }
    }

    /**
     * The threshold between two consecutive distinct values: their midpoint, or the lower value when
     * the midpoint rounds up to the upper one or overflows (scikit-learn's rule), so that
     * {@code below <= threshold < above} always holds.
     */
    static double threshold(double below, double above) {
        double midpoint = below / 2.0 + above / 2.0;
        return midpoint == above || Double.isInfinite(midpoint) ? below : midpoint;
    }

    /**
     * Copies segment {@code [from, to)} into the same positions of {@code into}, entries whose row has
     * {@code goesLeft[row] == 1} first; both groups keep their order, so stay sorted.
     */
    static void partition(long[] entries, long[] into, int from, int to, int leftSamples, int labelBits, byte[] goesLeft) {
        int nextLeft = from;
        int nextRight = from + leftSamples;
        for (int k = from; k < to; k++) {
            long entry = entries[k];
            if (goesLeft[(int) entry >>> labelBits] != 0) {
                into[nextLeft++] = entry;
            } else {
                into[nextRight++] = entry;
            }
        }
    }
}
