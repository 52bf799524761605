package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;

/**
 * Consecutive rows of a dataset as a fresh image batch, for a fitted model's evaluation and
 * pictures (which must not share buffers, since a model may serve several threads).
 */
final class DatasetImages {

    /** Rows per inference batch: large enough for efficient matrix products, small enough to bound memory. */
    static final int INFERENCE_BATCH = 256;

    private DatasetImages() {
    }

    /** Rows {@code from … from + count - 1} of {@code data} as {@code [count, channels, height, width]}. */
    static Tensor batch(Dataset data, ImageShape image, int from, int count) {
        Tensor batch = Tensor.zeros(image.batch(count));
        data.rowsAsFloats(range(from, count), TensorStorage.data(batch));
        return batch;
    }

    /** The class indices of rows {@code from … from + count - 1}, or null when the data has no class targets. */
    static int[] labels(Dataset data, int from, int count) {
        if (!data.hasTargets() || !data.schema().isClassification()) {
            return null;
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = data.label(from + i);
        }
        return labels;
    }

    private static int[] range(int from, int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = from + i;
        }
        return rows;
    }
}
