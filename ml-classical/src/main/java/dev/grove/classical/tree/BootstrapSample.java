package dev.grove.classical.tree;

import dev.grove.tensor.Rng;

/**
 * The rows one tree of a forest learns from: n rows drawn with replacement from n, as scikit-learn
 * draws them, kept as a weight per drawn row (how often it was drawn) and a bit per row saying
 * whether it was drawn at all (rows not drawn are the tree's out-of-bag rows).
 */
final class BootstrapSample {

    /** Index among the drawn rows of each row, −1 if it was not drawn. */
    final int[] localRow;
    /** Number of distinct rows drawn. */
    final int kept;
    /** How often each drawn row was drawn, by local index. */
    final int[] weights;
    private final long[] inBag;

    private BootstrapSample(int[] localRow, int kept, int[] weights, long[] inBag) {
        this.localRow = localRow;
        this.kept = kept;
        this.weights = weights;
        this.inBag = inBag;
    }

    /** Draws {@code rows} of {@code rows} with replacement from {@code rng}. */
    static BootstrapSample draw(int rows, Rng rng) {
        int[] counts = new int[rows];
        for (int k = 0; k < rows; k++) {
            counts[rng.nextInt(rows)]++;
        }
        int[] localRow = new int[rows];
        long[] inBag = new long[(rows + 63) / 64];
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            if (counts[r] > 0) {
                localRow[r] = kept++;
                inBag[r >>> 6] |= 1L << r;
            } else {
                localRow[r] = -1;
            }
        }
        int[] weights = new int[kept];
        for (int r = 0; r < rows; r++) {
            if (counts[r] > 0) {
                weights[localRow[r]] = counts[r];
            }
        }
        return new BootstrapSample(localRow, kept, weights, inBag);
    }

    /** One bit per row, set for the drawn rows: all a forest keeps of the sample once the tree is grown. */
    long[] inBag() {
        return inBag;
    }

    /** Whether the bits of {@link #inBag()} mark {@code row} as drawn. */
    static boolean drawn(long[] inBag, int row) {
        return (inBag[row >>> 6] & (1L << row)) != 0;
    }

    /** The drawn rows' entries of a per-row array. */
    int[] keep(int[] perRow) {
        int[] out = new int[kept];
        for (int r = 0; r < perRow.length; r++) {
            if (localRow[r] >= 0) {
                out[localRow[r]] = perRow[r];
            }
        }
        return out;
    }

    /** The drawn rows' entries of a per-row array. */
    double[] keep(double[] perRow) {
        double[] out = new double[kept];
        for (int r = 0; r < perRow.length; r++) {
            if (localRow[r] >= 0) {
                out[localRow[r]] = perRow[r];
            }
        }
        return out;
    }
}
