package dev.grove.classical.tree;

/**
 * The rows of one node summed up: how many there are, their total weight, and either the weight of
 * each class or the weighted sum and sum of squares of the numeric target; plus the node's impurity.
 */
final class NodeStats {

    /** scikit-learn's EPSILON: a node whose impurity is at most this is pure and is not split. */
    private static final double PURE = Math.ulp(1.0);

    final int samples;
    final double weight;
    /** Weight of each class (class targets), else null. */
    final int[] counts;
    final double sum;
    final double sumOfSquares;
    final double impurity;

    private NodeStats(int samples, double weight, int[] counts, double sum, double sumOfSquares, double impurity) {
        this.samples = samples;
        this.weight = weight;
        this.counts = counts;
        this.sum = sum;
        this.sumOfSquares = sumOfSquares;
        this.impurity = impurity;
    }

    /** Stats of rows with class weights {@code counts}, the impurity measured by {@code criterion}. */
    static NodeStats ofClasses(int samples, int[] counts, Criterion criterion) {
        double weight = 0;
        double squares = 0;
        for (int c : counts) {
            weight += c;
            squares += (double) c * c;
        }
        double impurity;
        if (criterion == Criterion.ENTROPY) {
            impurity = 0;
            for (int c : counts) {
                if (c > 0) {
                    double p = c / weight;
                    impurity -= p * Math.log(p) / Math.log(2);
                }
            }
        } else {
            impurity = 1 - squares / (weight * weight);
        }
        return new NodeStats(samples, weight, counts, 0, 0, impurity);
    }

    /** Stats of rows with total weight {@code weight} and weighted target sums; the impurity is the variance. */
    static NodeStats ofValues(int samples, double weight, double sum, double sumOfSquares) {
        double mean = sum / weight;
        return new NodeStats(samples, weight, null, sum, sumOfSquares, sumOfSquares / weight - mean * mean);
    }

    /** Whether no split can improve the node (scikit-learn's test: impurity ≤ machine epsilon). */
    boolean pure() {
        return impurity <= PURE;
    }

    /** Writes the node's prediction at {@code into[offset…]}: class shares, or the mean target. */
    void writeValue(double[] into, int offset) {
        if (counts == null) {
            into[offset] = sum / weight;
        } else {
            for (int c = 0; c < counts.length; c++) {
                into[offset + c] = counts[c] / weight;
            }
        }
    }
}
