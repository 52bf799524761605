package dev.grove.neural.data;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.util.ArrayList;
import java.util.List;

/** Builds the float32 datasets of the image sources from the bytes of their files. */
final class ImageDatasets {

    private ImageDatasets() {
    }

    /**
     * The pixels of {@code count} images, as features: image i's {@code pixels} bytes start at
     * {@code first + i × stride} in {@code bytes}, and each byte value b becomes {@code table[b]}.
     */
    static float[] pixels(byte[] bytes, int first, int stride, int pixels, int count, float[] table) {
        float[] out = new float[count * pixels];
        for (int i = 0; i < count; i++) {
            int from = first + i * stride;
            int to = i * pixels;
            for (int j = 0; j < pixels; j++) {
                out[to + j] = table[bytes[from + j] & 0xff];
            }
        }
        return out;
    }

    /**
     * A classification dataset of images: features {@code pixel-0, pixel-1, …} in the row-major
     * order of {@code shape} ({@code [channels, rows, columns]}), taking ownership of the arrays.
     */
    static Dataset of(float[] pixels, double[] labels, List<Integer> shape, String target, List<String> classLabels) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        List<String> names = new ArrayList<>(size);
        for (int j = 0; j < size; j++) {
            names.add("pixel-" + j);
        }
        return Dataset.ofFloats(pixels, labels, new Schema(names, target, classLabels, shape));
    }

    /** The first {@code limit} of {@code available} rows, or all of them when {@code limit} is 0. */
    static int rowsToLoad(int available, int limit) {
        return limit == 0 ? available : Math.min(limit, available);
    }
}
