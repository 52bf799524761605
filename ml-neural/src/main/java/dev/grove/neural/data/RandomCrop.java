package dev.grove.neural.data;

import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code random-crop} augmentation, torchvision's {@code RandomCrop(size, padding)} with the
 * size of the image: each image sample is padded with {@code padding} zeros on every side, and a
 * window of the original height and width is cut out of the padded image at a random offset. Per
 * sample, in sample order, two numbers are drawn: the window's top row {@code dy =
 * rng.nextInt(2·padding + 1)}, then its left column {@code dx} likewise; output pixel (i, j) is the
 * input pixel (i + dy − padding, j + dx − padding), or 0 where that lies outside the image. The same
 * window applies to every channel.
 */
public final class RandomCrop implements Augmentation {

    private final RandomCropParams params;

    /** A crop configured by {@code params}. */
    public RandomCrop(RandomCropParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the samples are not images of shape {@code [channels, height, width]}
     */
    @Override
    public void apply(float[] batch, int rows, int[] sampleShape, Rng rng) {
        ImageBatches.check("random-crop", batch, rows, sampleShape);
        int pad = params.padding();
        int channels = sampleShape[0];
        int height = sampleShape[1];
        int width = sampleShape[2];
        int plane = height * width;
        // One plane of scratch for the whole batch: each channel is copied aside, then rebuilt in place.
        float[] source = new float[plane];
        for (int s = 0; s < rows; s++) {
            int shiftRows = rng.nextInt(2 * pad + 1) - pad;
            int shiftColumns = rng.nextInt(2 * pad + 1) - pad;
            if (shiftRows == 0 && shiftColumns == 0) {
                continue;
            }
            for (int c = 0; c < channels; c++) {
                int start = (s * channels + c) * plane;
                System.arraycopy(batch, start, source, 0, plane);
                shift(source, batch, start, height, width, shiftRows, shiftColumns);
            }
        }
    }

    /** The params of this crop. */
    public RandomCropParams params() {
        return params;
    }

    /**
     * Writes {@code source} (one height × width plane) to {@code target} from {@code start}, moved so
     * that output (i, j) = source (i + shiftRows, j + shiftColumns), zero outside the source.
     */
    private static void shift(float[] source, float[] target, int start, int height, int width, int shiftRows,
                              int shiftColumns) {
        // Output columns [firstColumn, endColumn) read source columns inside [0, width).
        int firstColumn = Math.max(0, -shiftColumns);
        int endColumn = Math.min(width, width - shiftColumns);
        for (int i = 0; i < height; i++) {
            int row = start + i * width;
            int sourceRow = i + shiftRows;
            if (sourceRow < 0 || sourceRow >= height || firstColumn >= endColumn) {
                Arrays.fill(target, row, row + width, 0f);
                continue;
            }
            Arrays.fill(target, row, row + firstColumn, 0f);
            System.arraycopy(source, sourceRow * width + firstColumn + shiftColumns, target, row + firstColumn,
                    endColumn - firstColumn);
            Arrays.fill(target, row + endColumn, row + width, 0f);
        }
    }
}
