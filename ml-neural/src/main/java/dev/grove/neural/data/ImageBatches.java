package dev.grove.neural.data;

import java.util.Arrays;

/** The checks every image augmentation makes on the batch it is given. */
final class ImageBatches {

    private ImageBatches() {
    }

    /**
     * Checks that {@code batch} holds {@code rows} image samples of shape {@code [channels, height,
     * width]}.
     *
     * @throws IllegalArgumentException naming {@code component} if the samples are not images (flat
     *                                  rows, sequences) or the batch is too short
     */
    static void check(String component, float[] batch, int rows, int[] sampleShape) {
        if (sampleShape.length != 3) {
            String what = sampleShape.length == 1 ? "flat rows of " + sampleShape[0] + " features"
                    : "samples of shape " + Arrays.toString(sampleShape);
            throw new IllegalArgumentException(component + " applies to images of shape [channels, height, width],"
                    + " but the training data has " + what + "; use an image source (mnist gives [1, 28, 28], cifar10"
                    + " [3, 32, 32]) or remove " + component + " from train.augment");
        }
        for (int dim : sampleShape) {
            if (dim < 1) {
                throw new IllegalArgumentException(component + ": sample shape " + Arrays.toString(sampleShape)
                        + " has a dimension below 1");
            }
        }
        long needed = (long) rows * sampleShape[0] * sampleShape[1] * sampleShape[2];
        if (rows < 0 || batch.length < needed) {
            throw new IllegalArgumentException(component + ": a batch of " + rows + " samples of shape "
                    + Arrays.toString(sampleShape) + " needs " + needed + " values, got " + batch.length);
        }
    }
}
