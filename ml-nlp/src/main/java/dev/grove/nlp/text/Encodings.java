package dev.grove.nlp.text;

import dev.grove.tensor.Tensor;
import java.util.Arrays;

/**
 * Token ids as network inputs: the index encoding (ids as float values, exact up to 2^24, the way
 * token ids travel in datasets and tensors), fixed-length padding, and the one-hot encoding.
 */
public final class Encodings {

    /** The largest id a float holds exactly: 2^24. */
    public static final int MAX_EXACT_ID = 1 << 24;

    private Encodings() {
    }

    /** The index encoding: each id as a float. */
    public static float[] indices(int[] ids) {
        float[] out = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] > MAX_EXACT_ID) {
                throw new IllegalArgumentException("index encoding: id " + ids[i] + " at position " + i
                        + " is not in [0, 2^24], the ids a float holds exactly");
            }
            out[i] = ids[i];
        }
        return out;
    }

    /**
     * {@code ids} cut or filled to {@code length}: the first {@code length} ids, followed by
     * {@code padId} as often as needed.
     */
    public static int[] padded(int[] ids, int length, int padId) {
        if (length < 1) {
            throw new IllegalArgumentException("padding: the length must be at least 1, got " + length);
        }
        int[] out = new int[length];
        int copied = Math.min(length, ids.length);
        System.arraycopy(ids, 0, out, 0, copied);
        Arrays.fill(out, copied, length, padId);
        return out;
    }

    /**
     * The one-hot encoding, row-major {@code [ids.length, size]}: row i is all zeros but a 1 at
     * column {@code ids[i]}.
     *
     * @throws IllegalArgumentException if an id is not in {@code [0, size)}
     */
    public static float[] oneHot(int[] ids, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("one-hot: the size must be at least 1, got " + size);
        }
        if ((long) ids.length * size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("one-hot: " + ids.length + " rows of " + size
                    + " values are more than one array holds; use the index encoding and an embedding instead");
        }
        float[] out = new float[ids.length * size];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= size) {
                throw new IllegalArgumentException("one-hot: id " + ids[i] + " at position " + i + " is not in [0, "
                        + size + ")");
            }
            out[i * size + ids[i]] = 1f;
        }
        return out;
    }

    /** The one-hot encoding as a tensor of shape {@code [ids.length, size]} (see {@link #oneHot(int[], int)}). */
    public static Tensor oneHotTensor(int[] ids, int size) {
        return Tensor.of(oneHot(ids, size), ids.length, size);
    }
}
