package dev.grove.neural.data;

import java.util.Arrays;

/**
 * The {@code standard} pixel scale: each channel's values minus that channel's mean, divided by its
 * standard deviation, both measured over every pixel of that channel in every image they are fitted
 * on (population standard deviation, dividing by the count; float64 sums in a fixed order, so the
 * result does not depend on anything but the data).
 */
final class ChannelStandardiser {

    private final int planeSize;
    private final double[] means;
    private final double[] deviations;

    private ChannelStandardiser(int planeSize, double[] means, double[] deviations) {
        this.planeSize = planeSize;
        this.means = means;
        this.deviations = deviations;
    }

    /**
     * Measures the channels of {@code images}: row-major samples of {@code channels} planes of
     * {@code planeSize} values each.
     *
     * @throws IllegalArgumentException if a channel is constant (its deviation is 0), naming {@code role}
     */
    static ChannelStandardiser fit(float[] images, int channels, int planeSize, String role) {
        int sampleSize = channels * planeSize;
        int samples = images.length / sampleSize;
        double[] means = new double[channels];
        double[] deviations = new double[channels];
        double count = (double) samples * planeSize;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                int start = s * sampleSize + c * planeSize;
                for (int i = start; i < start + planeSize; i++) {
                    sum += images[i];
                }
            }
            double mean = sum / count;
            // Two passes: the sum of squared differences does not cancel the way E[x²] − mean² does.
            double squares = 0;
            for (int s = 0; s < samples; s++) {
                int start = s * sampleSize + c * planeSize;
                for (int i = start; i < start + planeSize; i++) {
                    double d = images[i] - mean;
                    squares += d * d;
                }
            }
            means[c] = mean;
            deviations[c] = Math.sqrt(squares / count);
            if (!(deviations[c] > 0)) {
                throw new IllegalArgumentException(role + ": scale standard needs pixels that vary, but channel " + c
                        + " has the same value " + mean + " in every loaded image; use scale unit or none");
            }
        }
        return new ChannelStandardiser(planeSize, means, deviations);
    }

    /** Standardises {@code images} (laid out as in {@link #fit}) in place. */
    void apply(float[] images) {
        int channels = means.length;
        for (int start = 0; start < images.length; start += planeSize) {
            int c = start / planeSize % channels;
            for (int i = start; i < start + planeSize; i++) {
                images[i] = (float) ((images[i] - means[c]) / deviations[c]);
            }
        }
    }

    /** The mean of each channel. */
    double[] means() {
        return Arrays.copyOf(means, means.length);
    }

    /** The standard deviation of each channel. */
    double[] deviations() {
        return Arrays.copyOf(deviations, deviations.length);
    }
}
