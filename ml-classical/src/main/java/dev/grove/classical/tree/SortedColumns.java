package dev.grove.classical.tree;

import dev.grove.tensor.ThreadBudget;

/**
 * Every feature's rows in ascending order of value, computed once per fit. Feature f occupies
 * {@code [f × rows, (f + 1) × rows)} of {@link #entries}; an entry is {@code rank << 32 | row}, where
 * the rank numbers the feature's distinct values from 0 ({@link #distinct} holds them), so equal
 * values share a rank and comparisons during growth are on whole numbers. Equal values keep their
 * rows in ascending order, so the layout does not depend on how it was computed.
 *
 * <p>Sorting is an LSD radix sort on the order-preserving 64-bit image of each double (8 bits a pass,
 * passes where all keys share the digit skipped): linear in the rows, primitive arrays only.
 * {@code -0.0} is read as {@code 0.0}.
 */
final class SortedColumns {

    private static final int BITS = 8;
    private static final int RADIX = 1 << BITS;
    private static final int PASSES = Long.SIZE / BITS;

    final int rows;
    final int features;
    final long[] entries;
    /** Each feature's distinct values, ascending: rank r of feature f is {@code distinct[f][r]}. */
    final double[][] distinct;

    private SortedColumns(int rows, int features) {
        this.rows = rows;
        this.features = features;
        this.entries = new long[Math.multiplyExact(rows, features)];
        this.distinct = new double[features][];
    }

    /** Sorts each feature of the row-major {@code x} (rows × features), one task per feature when parallel. */
    static SortedColumns sort(double[] x, int rows, int features, boolean parallel) {
        var columns = new SortedColumns(rows, features);
        if (parallel) {
            ThreadBudget.parallelFor(features, f -> columns.sortFeature(f, x));
        } else {
            for (int f = 0; f < features; f++) {
                columns.sortFeature(f, x);
            }
        }
        return columns;
    }

    private void sortFeature(int f, double[] x) {
        long[] keys = new long[rows];
        long[] spareKeys = new long[rows];
        int[] rowsOf = new int[rows];
        int[] spareRows = new int[rows];
        int[][] counts = new int[PASSES][RADIX];
        for (int i = 0, at = f; i < rows; i++, at += features) {
            long key = sortableKey(x[at] + 0.0);
            keys[i] = key;
            rowsOf[i] = i;
            for (int p = 0; p < PASSES; p++) {
                counts[p][digit(key, p)]++;
            }
        }
        for (int p = 0; p < PASSES; p++) {
            int[] count = counts[p];
            if (count[digit(keys[0], p)] == rows) {
                continue;
            }
            int next = 0;
            for (int b = 0; b < RADIX; b++) {
                int c = count[b];
                count[b] = next;
                next += c;
            }
            for (int i = 0; i < rows; i++) {
                int at = count[digit(keys[i], p)]++;
                spareKeys[at] = keys[i];
                spareRows[at] = rowsOf[i];
            }
            long[] k = keys;
            keys = spareKeys;
            spareKeys = k;
            int[] r = rowsOf;
            rowsOf = spareRows;
            spareRows = r;
        }
        // Ranks: one per distinct key; the distinct values reuse the spare key array.
        int base = f * rows;
        int rank = -1;
        for (int i = 0; i < rows; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                spareKeys[++rank] = keys[i];
            }
            entries[base + i] = (long) rank << 32 | rowsOf[i];
        }
        double[] values = new double[rank + 1];
        for (int r = 0; r <= rank; r++) {
            values[r] = valueOf(spareKeys[r]);
        }
        distinct[f] = values;
    }

    /** Flips the bits of a double so that unsigned order of the keys is numeric order of the values. */
    private static long sortableKey(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static double valueOf(long key) {
        return Double.longBitsToDouble(key < 0 ? key ^ Long.MIN_VALUE : ~key);
    }

    private static int digit(long key, int pass) {
        return (int) (key >>> (pass * BITS)) & (RADIX - 1);
    }

    /**
     * A grower's copy of the entries: only rows with {@code localRow[r] >= 0} (all rows if
     * {@code localRow} is null), renumbered to {@code localRow[r]}, with the low word holding
     * {@code localRow << labelBits | label} ({@code labels} by new row number; null for numeric targets).
     * Keeps the sorted order, so it costs one pass and no sorting.
     */
    long[] entriesFor(int[] localRow, int kept, int[] labels, int labelBits) {
        long[] out = new long[Math.multiplyExact(kept, features)];
        int to = 0;
        for (int k = 0; k < entries.length; k++) {
            long entry = entries[k];
            int row = localRow == null ? (int) entry : localRow[(int) entry];
            if (row >= 0) {
                int low = labels == null ? row : row << labelBits | labels[row];
                out[to++] = (entry & 0xFFFF_FFFF_0000_0000L) | (low & 0xFFFF_FFFFL);
            }
        }
        return out;
    }
}
