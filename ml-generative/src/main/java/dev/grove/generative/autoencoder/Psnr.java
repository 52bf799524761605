package dev.grove.generative.autoencoder;

/**
 * Peak signal-to-noise ratio of images with pixels in [0, 1]: 10 · log10(1 / MSE) decibels, with the
 * mean squared error taken over every pixel of every image of a split (so one perfect image does
 * not make the figure infinite). Higher is better; +6 dB is about half the error amplitude.
 */
final class Psnr {

    private Psnr() {
    }

    /** The PSNR of a squared error {@code sumOfSquares} over {@code values} pixels (infinite when it is 0). */
    static double of(double sumOfSquares, long values) {
        return 10 * Math.log10(values / sumOfSquares);
    }

    /** Σ (a − b)² over the first {@code count} values. */
    static double sumOfSquares(float[] a, float[] b, int count) {
        double total = 0;
        for (int i = 0; i < count; i++) {
            double d = a[i] - b[i];
            total += d * d;
        }
        return total;
    }
}
