package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gathers mini-batches of images (and, for a conditional model, their one-hot classes) into tensors
 * that are kept per batch size and refilled in place, so a training step allocates nothing here. A
 * step's graph is released by its backward pass before the next batch overwrites them.
 */
final class ImageBatches {

    /**
     * One mini-batch, valid until the next batch of the same size is loaded.
     *
     * @param images {@code [rows, channels, height, width]}
     * @param oneHot {@code [rows, classes]}, or null without classes
     * @param rows   the number of images
     */
    record Batch(Tensor images, Tensor oneHot, int rows) {
    }

    private record Buffers(int[] rows, Tensor images, Tensor oneHot) {
    }

    private final Dataset data;
    private final ImageShape image;
    private final int classes;
    private final Map<Integer, Buffers> buffersBySize = new HashMap<>();

    /** Batches of {@code data}'s images of shape {@code image}, with one-hot rows of {@code classes} (0 for none). */
    ImageBatches(Dataset data, ImageShape image, int classes) {
        this.data = data;
        this.image = image;
        this.classes = classes;
    }

    /** The rows {@code order[from] … order[from + count - 1]}. */
    Batch load(int[] order, int from, int count) {
        Buffers b = buffersBySize.computeIfAbsent(count, this::newBuffers);
        System.arraycopy(order, from, b.rows, 0, count);
        data.rowsAsFloats(b.rows, TensorStorage.data(b.images));
        if (b.oneHot != null) {
            float[] oneHot = TensorStorage.data(b.oneHot);
            Arrays.fill(oneHot, 0f);
            for (int i = 0; i < count; i++) {
                oneHot[i * classes + data.label(b.rows[i])] = 1f;
            }
        }
        return new Batch(b.images, b.oneHot, count);
    }

    private Buffers newBuffers(int count) {
        return new Buffers(new int[count], Tensor.zeros(image.batch(count)), classes > 0 ? Tensor.zeros(count, classes) : null);
    }
}
