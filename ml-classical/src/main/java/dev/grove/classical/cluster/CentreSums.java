package dev.grove.classical.cluster;

import java.util.Arrays;

/**
 * The M-step of k-means: per-task sums of the rows assigned to each centre, combined in task order;
 * re-seeding of centres left without rows; and the move of every centre to the mean of its rows.
 */
final class CentreSums {

    private final CentredData data;
    private final int k;
    private final int d;
    private final double[] taskSums;
    private final double[] taskCounts;
    private final double[] sums;
    private final double[] counts;

    CentreSums(CentredData data, int k) {
        this.data = data;
        this.k = k;
        this.d = data.features;
        this.taskSums = new double[data.blocks.tasks * k * d];
        this.taskCounts = new double[data.blocks.tasks * k];
        this.sums = new double[k * d];
        this.counts = new double[k];
    }

    /** Empties task {@code task}'s partial sums before it adds its rows. */
    void clear(int task) {
        Arrays.fill(taskSums, task * k * d, (task + 1) * k * d, 0);
        Arrays.fill(taskCounts, task * k, (task + 1) * k, 0);
    }

    /** Adds row {@code row} to centre {@code label}'s partial sum of task {@code task}. */
    void add(int task, int row, int label) {
        int to = (task * k + label) * d;
        int from = row * d;
        double[] x = data.x;
        for (int j = 0; j < d; j++) {
            taskSums[to + j] += x[from + j];
        }
        taskCounts[task * k + label]++;
    }

    /**
     * Moves every centre to the mean of its rows, writing {@code next} from the partial sums. A centre
     * without rows is re-seeded, as scikit-learn does, with the row farthest from the centre it was
     * assigned to (taken only from centres that keep at least one other row), so no centre is ever
     * left empty or NaN.
     *
     * @param previous the centres the rows were assigned to
     * @param labels   each row's centre in {@code previous}
     * @param parallel whether distances for re-seeding may be computed on several threads
     * @return whether any centre was re-seeded
     */
    boolean update(double[] previous, int[] labels, double[] next, boolean parallel) {
        Arrays.fill(sums, 0);
        Arrays.fill(counts, 0);
        for (int task = 0; task < data.blocks.tasks; task++) {
            int base = task * k * d;
            for (int i = 0; i < k * d; i++) {
                sums[i] += taskSums[base + i];
            }
            for (int c = 0; c < k; c++) {
                counts[c] += taskCounts[task * k + c];
            }
        }
        boolean reseeded = false;
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                reseeded = true;
                break;
            }
        }
        if (reseeded) {
            reseedEmpty(previous, labels, parallel);
        }
        for (int c = 0; c < k; c++) {
            double scale = 1.0 / counts[c];
            for (int j = 0; j < d; j++) {
                next[c * d + j] = sums[c * d + j] * scale;
            }
        }
        return reseeded;
    }

    private void reseedEmpty(double[] previous, int[] labels, boolean parallel) {
        int n = data.rows;
        double[] distances = new double[n];
        RowBlocks blocks = data.blocks;
        RowBlocks.run(blocks.tasks, parallel, task -> {
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                distances[i] = data.squaredDistance(i, previous, labels[i] * d);
            }
        });
        for (int empty = 0; empty < k; empty++) {
            if (counts[empty] != 0) {
                continue;
            }
            // The farthest row (lowest index on ties) whose centre keeps another row; one exists while
            // k ≤ rows, since then some centre holds at least two rows.
            int far = -1;
            for (int i = 0; i < n; i++) {
                if (distances[i] >= 0 && counts[labels[i]] > 1 && (far < 0 || distances[i] > distances[far])) {
                    far = i;
                }
            }
            int from = labels[far];
            for (int j = 0; j < d; j++) {
                double v = data.x[far * d + j];
                sums[from * d + j] -= v;
                sums[empty * d + j] = v;
            }
            counts[from]--;
            counts[empty] = 1;
            distances[far] = -1;
        }
    }
}
