package dev.grove.classical.tree;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately plain CART for checking the real one: recursion over lists of rows, each node
 * sorting its rows per feature from scratch (boxed, by value then row) and rating every threshold
 * between distinct values from the class counts (or target sum) of the rows before it.
 * Gini splits are compared as exact fractions (Σ left²·n_right + Σ right²·n_left) / (n_left·n_right)
 * with big integers; squared-error splits by sum_left²/n_left + sum_right²/n_right as scikit-learn
 * computes it. Of equal splits the first found wins: lowest feature, then lowest threshold. The tree
 * comes out in preorder as the three lists the model state holds.
 */
final class NaiveCart {

    final List<Integer> feature = new ArrayList<>();
    final List<Double> threshold = new ArrayList<>();
    final List<double[]> value = new ArrayList<>();

    private final double[][] x;
    private final int[] labels;
    private final double[] targets;
    private final int classes;
    private final int maxDepth;
    private final int minLeaf;

    private NaiveCart(double[][] x, int[] labels, double[] targets, int classes, int maxDepth, int minLeaf) {
        this.x = x;
        this.labels = labels;
        this.targets = targets;
        this.classes = classes;
        this.maxDepth = maxDepth;
        this.minLeaf = minLeaf;
    }

    /** A Gini tree over class {@code labels}. */
    static NaiveCart gini(double[][] x, int[] labels, int classes, int maxDepth, int minLeaf) {
        var cart = new NaiveCart(x, labels, null, classes, maxDepth, minLeaf);
        cart.grow(allRows(x.length), 0);
        return cart;
    }

    /** A squared-error tree over numeric {@code targets}. */
    static NaiveCart squaredError(double[][] x, double[] targets, int maxDepth, int minLeaf) {
        var cart = new NaiveCart(x, null, targets, 1, maxDepth, minLeaf);
        cart.grow(allRows(x.length), 0);
        return cart;
    }

    private static List<Integer> allRows(int n) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(i);
        }
        return rows;
    }

    private void grow(List<Integer> rows, int depth) {
        int node = feature.size();
        feature.add(-1);
        threshold.add(0.0);
        value.add(value(rows));
        if (depth >= maxDepth || rows.size() < 2 || rows.size() < 2 * minLeaf || pure(rows)) {
            return;
        }
        int bestFeature = -1;
        double bestThreshold = 0;
        BigInteger[] bestFraction = null;
        double bestProxy = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < x[0].length; f++) {
            int feat = f;
            List<Integer> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.<Integer>comparingDouble(r -> x[r][feat]).thenComparingInt(r -> r));
            // Class counts (or the target sum) of the first nLeft sorted rows, grown one row at a time.
            long[] countsLeft = new long[classes];
            long[] countsAll = new long[classes];
            double sumLeft = 0;
            double sumAll = labels == null ? sum(sorted) : 0;
            if (labels != null) {
                for (int r : sorted) {
                    countsAll[labels[r]]++;
                }
            }
            for (int nLeft = 1; nLeft <= sorted.size() - minLeaf; nLeft++) {
                int moved = sorted.get(nLeft - 1);
                if (labels != null) {
                    countsLeft[labels[moved]]++;
                } else {
                    sumLeft += targets[moved];
                }
                double below = x[moved][f];
                double above = x[sorted.get(nLeft)][f];
                if (nLeft < minLeaf || !(above > below)) {
                    continue;
                }
                boolean better;
                if (labels != null) {
                    BigInteger[] fraction = giniFraction(countsLeft, countsAll, nLeft, sorted.size() - nLeft);
                    better = bestFraction == null
                            || fraction[0].multiply(bestFraction[1]).compareTo(bestFraction[0].multiply(fraction[1])) > 0;
                    if (better) {
                        bestFraction = fraction;
                    }
                } else {
                    double sumRight = sumAll - sumLeft;
                    double proxy = sumLeft * sumLeft / nLeft + sumRight * sumRight / (sorted.size() - nLeft);
                    better = proxy > bestProxy;
                    if (better) {
                        bestProxy = proxy;
                    }
                }
                if (better) {
                    bestFeature = f;
                    double midpoint = below / 2.0 + above / 2.0;
                    bestThreshold = midpoint == above ? below : midpoint;
                }
            }
        }
        if (bestFeature < 0) {
            return;
        }
        feature.set(node, bestFeature);
        threshold.set(node, bestThreshold);
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int r : rows) {
            (x[r][bestFeature] <= bestThreshold ? left : right).add(r);
        }
        grow(left, depth + 1);
        grow(right, depth + 1);
    }

    private static BigInteger[] giniFraction(long[] countsLeft, long[] countsAll, long left, long right) {
        long squaresLeft = 0;
        long squaresRight = 0;
        for (int c = 0; c < countsLeft.length; c++) {
            squaresLeft += countsLeft[c] * countsLeft[c];
            squaresRight += (countsAll[c] - countsLeft[c]) * (countsAll[c] - countsLeft[c]);
        }
        BigInteger nLeft = BigInteger.valueOf(left);
        BigInteger nRight = BigInteger.valueOf(right);
        return new BigInteger[] {
            BigInteger.valueOf(squaresLeft).multiply(nRight).add(BigInteger.valueOf(squaresRight).multiply(nLeft)),
            nLeft.multiply(nRight)};
    }

    private double sum(List<Integer> rows) {
        double sum = 0;
        for (int r : rows) {
            sum += targets[r];
        }
        return sum;
    }

    private boolean pure(List<Integer> rows) {
        for (int r : rows) {
            boolean same = labels != null ? labels[r] == labels[rows.get(0)] : targets[r] == targets[rows.get(0)];
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private double[] value(List<Integer> rows) {
        if (labels == null) {
            return new double[] {sum(rows) / rows.size()};
        }
        double[] shares = new double[classes];
        for (int r : rows) {
            shares[labels[r]] += 1.0 / rows.size();
        }
        return shares;
    }
}
