package dev.grove.classical.svm;

/**
 * Dot products of one row with a run of consecutive rows, the hot loop of every kernel evaluation.
 *
 * <p>Eight rows at a time, each with its own accumulator held in a register while the features are
 * walked once: eight independent additions per step instead of one chain, and each value of the
 * single row loaded once for eight products. (A feature-major layout with vectorised column updates
 * is not faster here: the JIT cannot rule out that the accumulator array and the data overlap at an
 * offset, so it does not vectorise those loops.) Each dot product adds its terms in feature order,
 * exactly as a plain loop would.
 */
final class Dots {

    private Dots() {
    }

    /**
     * {@code out[outOffset + k] = a[aOffset ..] · b[bOffset + k·features ..]} for k in [0, count), each
     * over {@code features} values.
     */
    static void ofRows(double[] a, int aOffset, double[] b, int bOffset, int count, int features, double[] out, int outOffset) {
        int k = 0;
        for (; k + 8 <= count; k += 8) {
            int o0 = bOffset + k * features;
            int o1 = o0 + features;
            int o2 = o1 + features;
            int o3 = o2 + features;
            int o4 = o3 + features;
            int o5 = o4 + features;
            int o6 = o5 + features;
            int o7 = o6 + features;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            double s4 = 0;
            double s5 = 0;
            double s6 = 0;
            double s7 = 0;
            for (int f = 0; f < features; f++) {
                double v = a[aOffset + f];
                s0 += v * b[o0 + f];
                s1 += v * b[o1 + f];
                s2 += v * b[o2 + f];
                s3 += v * b[o3 + f];
                s4 += v * b[o4 + f];
                s5 += v * b[o5 + f];
                s6 += v * b[o6 + f];
                s7 += v * b[o7 + f];
            }
            int o = outOffset + k;
            out[o] = s0;
            out[o + 1] = s1;
            out[o + 2] = s2;
            out[o + 3] = s3;
            out[o + 4] = s4;
            out[o + 5] = s5;
            out[o + 6] = s6;
            out[o + 7] = s7;
        }
        for (; k < count; k++) {
            out[outOffset + k] = of(a, aOffset, b, bOffset + k * features, features);
        }
    }

    /** a[aOffset ..] · b[bOffset ..] over {@code features} values, in feature order. */
    static double of(double[] a, int aOffset, double[] b, int bOffset, int features) {
        double sum = 0;
        for (int f = 0; f < features; f++) {
            sum += a[aOffset + f] * b[bOffset + f];
        }
        return sum;
    }
}
