package dev.grove.classical.cluster;

/**
 * Rows cut into blocks of {@link RowBlocks#SIZE}, each block also stored column-major ("panel") so
 * that per-feature loops over a block run in unit stride and vectorise. Read-only once built.
 */
final class RowPanels {

    final int rows;
    final int features;
    final RowBlocks blocks;
    /** Block b's rows column-major: entry (r, j) of a block of m rows at {@code b·SIZE·features + j·m + r}. */
    final double[] panels;

    RowPanels(double[] x, int features, boolean parallel) {
        this.rows = x.length / features;
        this.features = features;
        this.blocks = new RowBlocks(rows);
        this.panels = new double[x.length];
        RowBlocks.run(blocks.tasks, parallel, task -> {
            for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
                int start = blocks.start(block);
                int m = blocks.end(block) - start;
                int panel = start * features;
                for (int r = 0; r < m; r++) {
                    int row = (start + r) * features;
                    for (int j = 0; j < features; j++) {
                        panels[panel + j * m + r] = x[row + j];
                    }
                }
            }
        });
    }

    /** Where feature j of {@code block} starts in {@link #panels}; the block's rows follow contiguously. */
    int column(int block, int j) {
        int start = blocks.start(block);
        return start * features + j * (blocks.end(block) - start);
    }

    /** Σ a[ao + r]·b[bo + r] over m terms, in four interleaved partial sums so the additions overlap. */
    static double dot(double[] a, int ao, double[] b, int bo, int m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < m; r += 4) {
            s0 += a[ao + r] * b[bo + r];
            s1 += a[ao + r + 1] * b[bo + r + 1];
            s2 += a[ao + r + 2] * b[bo + r + 2];
            s3 += a[ao + r + 3] * b[bo + r + 3];
        }
        for (; r < m; r++) {
            s0 += a[ao + r] * b[bo + r];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ a[from … from + m), in four interleaved partial sums so the additions overlap. */
    static double sum(double[] a, int from, int m) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int r = 0;
        for (; r + 3 < m; r += 4) {
            s0 += a[from + r];
            s1 += a[from + r + 1];
            s2 += a[from + r + 2];
            s3 += a[from + r + 3];
        }
        for (; r < m; r++) {
            s0 += a[from + r];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
