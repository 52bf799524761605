package dev.grove.classical.svm;

import java.util.Arrays;

/**
 * libsvm's kernel cache: rows of float32 kernel values, each filled up to some length, kept in
 * least-recently-used order within a budget of values. A row that must grow evicts the least
 * recently used rows until the growth fits. The budget never goes below two full rows, because
 * one SMO step uses two rows at once.
 *
 * <p>Not thread-safe: each binary problem owns its cache.
 */
final class KernelRowCache {

    private final int size;
    private final float[][] rows;
    private final int[] lengths;
    /** The LRU list: a ring through index {@code size} (the sentinel), oldest first. */
    private final int[] previous;
    private final int[] next;
    private long freeValues;

    /** A cache for {@code size} rows of length at most {@code size}, within {@code bytes} of values. */
    KernelRowCache(int size, long bytes) {
        this.size = size;
        this.rows = new float[size][];
        this.lengths = new int[size];
        this.previous = new int[size + 1];
        this.next = new int[size + 1];
        previous[size] = size;
        next[size] = size;
        this.freeValues = Math.max(bytes / Float.BYTES, 2L * size);
    }

    /**
     * Makes row {@code index} hold at least {@code length} values and marks it most recently used.
     * Returns how many of the first {@code length} values are already filled: the caller computes
     * the rest, from the returned position to {@code length}, into {@link #row(int)}.
     */
    int request(int index, int length) {
        int filled = lengths[index];
        if (filled > 0) {
            unlink(index);
        }
        int more = length - filled;
        if (more > 0) {
            while (freeValues < more) {
                evict(next[size]);
            }
            float[] grown = new float[length];
            if (filled > 0) {
                System.arraycopy(rows[index], 0, grown, 0, filled);
            }
            rows[index] = grown;
            freeValues -= more;
            lengths[index] = length;
        } else {
            filled = length;
        }
        linkNewest(index);
        return filled;
    }

    /** The storage of row {@code index}, valid until the next {@link #request} or {@link #swap}. */
    float[] row(int index) {
        return rows[index];
    }

    /**
     * Follows the solver swapping positions {@code i} and {@code j}: exchanges the two rows, and the
     * two columns of every cached row; a row long enough to hold only one of the columns is dropped.
     */
    void swap(int i, int j) {
        if (i == j) {
            return;
        }
        if (lengths[i] > 0) {
            unlink(i);
        }
        if (lengths[j] > 0) {
            unlink(j);
        }
        float[] row = rows[i];
        rows[i] = rows[j];
        rows[j] = row;
        int length = lengths[i];
        lengths[i] = lengths[j];
        lengths[j] = length;
        if (lengths[i] > 0) {
            linkNewest(i);
        }
        if (lengths[j] > 0) {
            linkNewest(j);
        }
        int low = Math.min(i, j);
        int high = Math.max(i, j);
        for (int h = next[size]; h != size; ) {
            int following = next[h];
            if (lengths[h] > low) {
                if (lengths[h] > high) {
                    float[] data = rows[h];
                    float value = data[low];
                    data[low] = data[high];
                    data[high] = value;
                } else {
                    evict(h);
                }
            }
            h = following;
        }
    }

    private void evict(int index) {
        unlink(index);
        freeValues += lengths[index];
        rows[index] = null;
        lengths[index] = 0;
    }

    private void unlink(int index) {
        next[previous[index]] = next[index];
        previous[next[index]] = previous[index];
    }

    private void linkNewest(int index) {
        next[index] = size;
        previous[index] = previous[size];
        next[previous[size]] = index;
        previous[size] = index;
    }

    @Override
    public String toString() {
        long cached = Arrays.stream(lengths).filter(length -> length > 0).count();
        return "KernelRowCache[" + cached + " of " + size + " rows cached, " + freeValues + " values free]";
    }
}
