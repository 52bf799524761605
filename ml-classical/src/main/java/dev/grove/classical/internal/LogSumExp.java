package dev.grove.classical.internal;

/** log Σ exp and softmax without overflow: shift by the maximum before exponentiating. */
public final class LogSumExp {

    private LogSumExp() {
    }

    /** log Σₖ exp(v[k]); −∞ if every entry is −∞. */
    public static double of(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            max = Math.max(max, e);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double e : v) {
            sum += Math.exp(e - max);
        }
        return max + Math.log(sum);
    }

    /** Turns log-weights {@code v} into probabilities in place: v[k] ← exp(v[k] − log Σ exp v). */
    public static void softmaxInPlace(double[] v) {
        double normaliser = of(v);
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.exp(v[k] - normaliser);
        }
    }

    /** Index of the largest entry, the first one on ties. */
    public static int argMax(double[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}
