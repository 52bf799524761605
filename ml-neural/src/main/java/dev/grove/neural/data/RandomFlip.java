package dev.grove.neural.data;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code random-flip} augmentation, torchvision's {@code RandomHorizontalFlip}: each image
 * sample is mirrored left to right (the columns of every row of every channel reversed) with
 * probability {@code p}. Exactly one {@code rng.nextDouble()} is drawn per sample, in sample order,
 * and the sample is flipped when it is below {@code p}; so the result depends only on the stream.
 */
public final class RandomFlip implements Augmentation {

    private final RandomFlipParams params;

    /** A flip configured by {@code params}. */
    public RandomFlip(RandomFlipParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the samples are not images of shape {@code [channels, height, width]}
     */
    @Override
    public void apply(float[] batch, int rows, int[] sampleShape, Rng rng) {
        ImageBatches.check("random-flip", batch, rows, sampleShape);
        int width = sampleShape[2];
        int lines = sampleShape[0] * sampleShape[1];
        int sampleSize = lines * width;
        for (int s = 0; s < rows; s++) {
            if (rng.nextDouble() < params.p()) {
                for (int line = 0; line < lines; line++) {
                    reverse(batch, s * sampleSize + line * width, width);
                }
            }
        }
    }

    /** The params of this flip. */
    public RandomFlipParams params() {
        return params;
    }

    private static void reverse(float[] values, int start, int length) {
        for (int i = start, j = start + length - 1; i < j; i++, j--) {
            float t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
