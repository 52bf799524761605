package dev.grove.classical.cluster;

import java.util.Arrays;

/**
 * Lloyd's E-step: every distance, computed blockwise as ‖c‖² − 2x·c (+ ‖x‖², the same for all centres
 * of a row) with the panel kernel of {@link CentredData#dots}.
 */
final class LloydAssignment extends Assignment {

    private final double[] centreNorms;
    /** Per task, room for one block: x·c for four centres, the best ‖c‖² − 2x·c so far and its centre. */
    private final double[] dots;
    private final double[] best;
    private final int[] bestLabels;

    LloydAssignment(CentredData data, int k, CentreSums sums, boolean parallel) {
        super(data, k, sums, parallel);
        Arrays.fill(labels, -1);
        this.centreNorms = new double[k];
        int tasks = data.blocks.tasks;
        this.dots = new double[4 * tasks * RowBlocks.SIZE];
        this.best = new double[tasks * RowBlocks.SIZE];
        this.bestLabels = new int[tasks * RowBlocks.SIZE];
    }

    @Override
    void prepare(double[] centres) {
        int d = data.features;
        for (int c = 0; c < k; c++) {
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += centres[c * d + j] * centres[c * d + j];
            }
            centreNorms[c] = norm;
        }
    }

    @Override
    void assignTask(int task, double[] centres, boolean accumulate) {
        RowBlocks blocks = data.blocks;
        int d = data.features;
        int o = task * RowBlocks.SIZE;
        int d4 = 4 * o;
        if (accumulate) {
            sums.clear(task);
        }
        int changes = 0;
        double inertia = 0;
        for (int block = blocks.firstBlock(task); block < blocks.endBlock(task); block++) {
            int start = blocks.start(block);
            int m = blocks.end(block) - start;
            for (int first = 0; first < k; first += 4) {
                int count = Math.min(4, k - first);
                data.dots(block, centres, first, count, dots, d4, RowBlocks.SIZE);
                for (int q = 0; q < count; q++) {
                    int c = first + q;
                    double norm = centreNorms[c];
                    int from = d4 + q * RowBlocks.SIZE;
                    if (c == 0) {
                        for (int r = 0; r < m; r++) {
                            best[o + r] = norm - 2 * dots[from + r];
                            bestLabels[o + r] = 0;
                        }
                    } else {
                        for (int r = 0; r < m; r++) {
                            double v = norm - 2 * dots[from + r];
                            double b = best[o + r];
                            // Branch-free: which centre wins changes from row to row unpredictably.
                            bestLabels[o + r] = v < b ? c : bestLabels[o + r];
                            best[o + r] = Math.min(v, b);
                        }
                    }
                }
            }
            for (int r = 0; r < m; r++) {
                int row = start + r;
                int label = bestLabels[o + r];
                if (labels[row] != label) {
                    changes++;
                    labels[row] = label;
                }
                inertia += Math.max(0, best[o + r] + data.norms[row]);
                if (accumulate) {
                    sums.add(task, row, label);
                }
            }
        }
        taskChanges[task] = changes;
        taskInertia[task] = inertia;
    }

    @Override
    void moved(double[] next, double[] shifts) {
        // Lloyd keeps no state between iterations besides the labels.
    }
}
