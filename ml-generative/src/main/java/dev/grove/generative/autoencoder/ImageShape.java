package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of the images an autoencoder or VAE is trained on, {@code [channels, height, width]},
 * and the checks that keep other shapes out: the training data, the rows given to a fitted model
 * and the tensors given to its methods must all hold images of this shape, and a mismatch is an
 * {@link IllegalArgumentException} naming the component, the expected shape and the given one.
 *
 * @param channels 1 (grey) or 3 (RGB), what the PNG grids can show
 * @param height   rows of pixels
 * @param width    columns of pixels
 */
public record ImageShape(int channels, int height, int width) {

    /** Checks the sizes. */
    public ImageShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images need 1 (grey) or 3 (RGB) channels, got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("images need a height and width of at least 1, got " + height + " x " + width);
        }
    }

    /**
     * The image shape of {@code schema}'s samples.
     *
     * @throws IllegalArgumentException unless the samples are {@code [channels, height, width]} images
     *                                  with 1 or 3 channels
     */
    public static ImageShape of(String component, Schema schema) {
        int[] shape = schema.sampleShapeArray();
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new IllegalArgumentException(component + ": needs image rows with sample shape [channels, height, width]"
                    + " and 1 or 3 channels (as the mnist and cifar10 sources give), got samples of shape "
                    + Arrays.toString(shape));
        }
        return new ImageShape(shape[0], shape[1], shape[2]);
    }

    /** Values per image: channels × height × width. */
    public int pixels() {
        return channels * height * width;
    }

    /** {@code [channels, height, width]}. */
    public int[] toArray() {
        return new int[] {channels, height, width};
    }

    /** {@code [count, channels, height, width]}. */
    int[] batch(int count) {
        return new int[] {count, channels, height, width};
    }

    /** The shape as {@code 1x28x28}, how a model's state records it. */
    String attribute() {
        return channels + "x" + height + "x" + width;
    }

    /**
     * Reads a shape that {@link #attribute()} wrote.
     *
     * @throws IllegalArgumentException naming the component and the text when it is not such a shape
     */
    static ImageShape parse(String component, String text) {
        String[] parts = text.split("x", -1);
        try {
            if (parts.length == 3) {
                return new ImageShape(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // Reported below with the text.
        }
        throw new IllegalArgumentException(component + ": the saved image shape must read channels x height x width"
                + " (e.g. 1x28x28), found '" + text + "'");
    }

    /**
     * Checks that {@code data}'s rows are images of this shape.
     *
     * @throws IllegalArgumentException naming the expected and the given sample shape
     */
    void check(String component, Dataset data) {
        int[] given = data.schema().sampleShapeArray();
        if (!Arrays.equals(given, toArray())) {
            throw new IllegalArgumentException(component + ": the model was trained on images of shape "
                    + Arrays.toString(toArray()) + ", got rows of shape " + Arrays.toString(given));
        }
    }

    /**
     * {@code images} as a batch {@code [n, channels, height, width]}: a tensor of that shape as it is,
     * one of {@code [n, pixels]} reshaped (sharing storage).
     *
     * @throws IllegalArgumentException naming both accepted shapes and the given one
     */
    Tensor batchOf(String component, Tensor images) {
        int[] given = images.shape();
        boolean imageBatch = given.length == 4 && given[1] == channels && given[2] == height && given[3] == width;
        boolean flatBatch = given.length == 2 && given[1] == pixels();
        if (!imageBatch && !flatBatch) {
            throw new IllegalArgumentException(component + ": images must be [n, " + channels + ", " + height + ", " + width
                    + "] or [n, " + pixels() + "] (the shape the model was trained on), got " + Arrays.toString(given));
        }
        return imageBatch ? images : images.reshape(batch(given[0]));
    }

    /**
     * Checks that every value of {@code data} lies in [0, 1], the pixel range the sigmoid output and
     * the binary cross-entropy need.
     *
     * @throws IllegalArgumentException naming the first row and value outside
     */
    static void checkPixelRange(String component, Dataset data) {
        int rows = data.rows();
        int features = data.featureCount();
        float[] row = new float[features];
        int[] one = new int[1];
        for (int r = 0; r < rows; r++) {
            one[0] = r;
            data.rowsAsFloats(one, row);
            for (int j = 0; j < features; j++) {
                float v = row[j];
                if (!(v >= 0f && v <= 1f)) {
                    throw new IllegalArgumentException(component + ": pixel values must lie in [0, 1] (images scaled as the"
                            + " mnist and cifar10 sources scale them by default), found " + v + " in row " + r + ", pixel " + j);
                }
            }
        }
    }

    /** The {@code count} images of the row-major {@code values}, one array each, for an image grid. */
    List<float[]> split(float[] values, int count) {
        int size = pixels();
        float[][] images = new float[count][];
        for (int i = 0; i < count; i++) {
            images[i] = Arrays.copyOfRange(values, i * size, (i + 1) * size);
        }
        return List.of(images);
    }
}
