package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.generative.image.ImageGrid;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files a fitted VAE leaves in a run directory: samples.png (100 draws from the prior, or one
 * row of 10 per class for a conditional model, the same 10 codes in every row), reconstructions.png
 * (the first 10 images above their mean reconstructions), interpolations.png (rows from image 2i to
 * image 2i+1 of the data: the two images around {@value #INTERPOLATION_STEPS} decoded points of the
 * line between their codes) and latent-codes.csv (μ of every row).
 */
final class VaePictures {

    /** Steps along each row of interpolations.png, endpoints included. */
    static final int INTERPOLATION_STEPS = 8;
    /** Images shown per row of the pictures. */
    static final int COLUMNS = 10;
    /** Rows (image pairs) of interpolations.png. */
    static final int INTERPOLATION_ROWS = 5;

    private VaePictures() {
    }

    /**
     * Writes the pictures and codes of {@code model} for {@code data} into {@code directory} and
     * returns their names.
     *
     * @throws IllegalArgumentException for rows of another image shape, or a conditional model's data without classes
     * @throws IOException              if a file cannot be written
     */
    static List<String> write(VaeModel model, Dataset data, Path directory, long seed) throws IOException {
        ImageShape image = model.imageShape();
        image.check(Vae.NAME, data);
        List<String> written = new ArrayList<>();
        ImageGrid.write(directory.resolve("samples.png"), image.split(samples(model, seed), sampleCount(model)),
                image.channels(), image.height(), image.width(), COLUMNS);
        written.add("samples.png");
        int rows = data.rows();
        if (rows == 0) {
            return written;
        }
        int shown = Math.min(COLUMNS, rows);
        Tensor originals = DatasetImages.batch(data, image, 0, shown);
        int[] shownClasses = model.classesOf(data, 0, shown);
        List<float[]> grid = new ArrayList<>(image.split(originals.toFloatArray(), shown));
        grid.addAll(image.split(model.reconstruct(originals, shownClasses).toFloatArray(), shown));
        ImageGrid.write(directory.resolve("reconstructions.png"), grid, image.channels(), image.height(), image.width(), shown);
        written.add("reconstructions.png");
        int pairs = Math.min(INTERPOLATION_ROWS, rows / 2);
        if (pairs > 0) {
            ImageGrid.write(directory.resolve("interpolations.png"), interpolationRows(model, data, pairs),
                    image.channels(), image.height(), image.width(), INTERPOLATION_STEPS + 2);
            written.add("interpolations.png");
        }
        LatentCodesCsv.write(directory.resolve(LatentCodesCsv.FILE), codes(model, data), model.latentDim(), data);
        written.add(LatentCodesCsv.FILE);
        return written;
    }

    private static int sampleCount(VaeModel model) {
        return model.isConditional() ? COLUMNS * model.classLabels().size() : COLUMNS * COLUMNS;
    }

    /** The images of samples.png, row after row. */
    private static float[] samples(VaeModel model, long seed) {
        if (!model.isConditional()) {
            return model.sample(COLUMNS * COLUMNS, seed).toFloatArray();
        }
        List<String> labels = model.classLabels();
        float[] all = new float[sampleCount(model) * model.imageShape().pixels()];
        for (int c = 0; c < labels.size(); c++) {
            // Every class row decodes the same prior codes, so the rows differ only by their class.
            float[] row = model.sample(labels.get(c), COLUMNS, seed).toFloatArray();
            System.arraycopy(row, 0, all, c * row.length, row.length);
        }
        return all;
    }

    /** Each row: image 2i, its interpolation to image 2i+1, image 2i+1. */
    private static List<float[]> interpolationRows(VaeModel model, Dataset data, int pairs) {
        ImageShape image = model.imageShape();
        Tensor both = DatasetImages.batch(data, image, 0, 2 * pairs);
        int[] classes = model.classesOf(data, 0, 2 * pairs);
        float[] values = both.toFloatArray();
        int size = image.pixels();
        float[] from = new float[pairs * size];
        float[] to = new float[pairs * size];
        int[] fromClasses = classes == null ? null : new int[pairs];
        int[] toClasses = classes == null ? null : new int[pairs];
        for (int i = 0; i < pairs; i++) {
            System.arraycopy(values, 2 * i * size, from, i * size, size);
            System.arraycopy(values, (2 * i + 1) * size, to, i * size, size);
            if (classes != null) {
                fromClasses[i] = classes[2 * i];
                toClasses[i] = classes[2 * i + 1];
            }
        }
        Tensor path = model.interpolate(Tensor.of(from, image.batch(pairs)), fromClasses, Tensor.of(to, image.batch(pairs)),
                toClasses, INTERPOLATION_STEPS);
        List<float[]> steps = image.split(path.toFloatArray(), pairs * INTERPOLATION_STEPS);
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            rows.add(Arrays.copyOfRange(from, i * size, (i + 1) * size));
            rows.addAll(steps.subList(i * INTERPOLATION_STEPS, (i + 1) * INTERPOLATION_STEPS));
            rows.add(Arrays.copyOfRange(to, i * size, (i + 1) * size));
        }
        return rows;
    }

    /** μ of every row of {@code data}, row-major. */
    private static float[] codes(VaeModel model, Dataset data) {
        ImageShape image = model.imageShape();
        int rows = data.rows();
        int k = model.latentDim();
        float[] out = new float[rows * k];
        for (int from = 0; from < rows; from += DatasetImages.INFERENCE_BATCH) {
            int count = Math.min(DatasetImages.INFERENCE_BATCH, rows - from);
            Tensor mu = model.encode(DatasetImages.batch(data, image, from, count), model.classesOf(data, from, count));
            System.arraycopy(TensorStorage.data(mu), 0, out, from * k, count * k);
        }
        return out;
    }
}
