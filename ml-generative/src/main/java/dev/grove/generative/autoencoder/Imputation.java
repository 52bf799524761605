package dev.grove.generative.autoencoder;

import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Fills the missing pixels of images with a trained autoencoder or VAE by reconstruct-and-replace:
 * the missing pixels start at the mean of the image's observed pixels (0.5 when none is observed),
 * then each iteration reconstructs the current images and copies the reconstruction into the
 * missing pixels only. Observed pixels never change, so the result agrees with the input wherever
 * it was known; the missing pixels move toward values the model finds consistent with the rest of
 * the image (a fixed point of the reconstruction on the missing pixels).
 */
final class Imputation {

    /** Iterations of reconstruct-and-replace when the caller gives none. */
    static final int DEFAULT_ITERATIONS = 10;

    private Imputation() {
    }

    /**
     * The images with their missing pixels filled.
     *
     * @param images      {@code [n, channels, height, width]}
     * @param missing     the same shape: non-zero where a pixel is missing
     * @param iterations  reconstruct-and-replace rounds, at least 1
     * @param reconstruct the model's reconstruction of a batch of the same shape
     * @throws IllegalArgumentException if the mask's shape differs from the images' or iterations is below 1
     */
    static Tensor impute(String component, Tensor images, Tensor missing, int iterations, UnaryOperator<Tensor> reconstruct) {
        int[] shape = images.shape();
        if (!Arrays.equals(shape, missing.shape())) {
            throw new IllegalArgumentException(component + ": the missing-pixel mask has shape " + Arrays.toString(missing.shape())
                    + " but the images have shape " + Arrays.toString(shape) + "; give one mask value per pixel");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException(component + ": imputation needs at least 1 iteration, got " + iterations);
        }
        float[] values = images.toFloatArray();
        float[] mask = missing.toFloatArray();
        int n = shape[0];
        int size = n == 0 ? 0 : values.length / n;
        for (int r = 0; r < n; r++) {
            fillWithObservedMean(values, mask, r * size, size);
        }
        for (int round = 0; round < iterations; round++) {
            float[] reconstruction = reconstruct.apply(Tensor.of(values, shape)).toFloatArray();
            for (int i = 0; i < values.length; i++) {
                if (mask[i] != 0f) {
                    values[i] = reconstruction[i];
                }
            }
        }
        return Tensor.of(values, shape);
    }

    private static void fillWithObservedMean(float[] values, float[] mask, int from, int size) {
        double sum = 0;
        int observed = 0;
        for (int i = from; i < from + size; i++) {
            if (mask[i] == 0f) {
                sum += values[i];
                observed++;
            }
        }
        float fill = observed == 0 ? 0.5f : (float) (sum / observed);
        for (int i = from; i < from + size; i++) {
            if (mask[i] != 0f) {
                values[i] = fill;
            }
        }
    }
}
