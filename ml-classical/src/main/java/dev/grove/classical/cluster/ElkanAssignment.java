package dev.grove.classical.cluster;

/**
 * Elkan's E-step, as scikit-learn's {@code elkan_iter_chunked_dense}: per row an upper bound on the
 * distance to its centre and a lower bound on the distance to every centre, kept valid across
 * iterations by the triangle inequality, so that a distance is computed only when the bounds cannot
 * rule the centre out. Gives the assignment Lloyd's step gives, with far fewer distances once the
 * centres settle; costs rows × k doubles of bounds.
 */
final class ElkanAssignment extends Assignment {

    private final double[] upper;
    /** Row-major rows × k lower bounds. */
    private final double[] lower;
    /** Half the distance between centres a and b at (a·k + b). */
    private final double[] halfDistances;
    /** Half the distance from each centre to its nearest other centre. */
    private final double[] nextCentre;

    /** Starts from {@code centres}: exact labels and bounds for them, as scikit-learn's {@code init_bounds_dense}. */
    ElkanAssignment(CentredData data, int k, double[] centres, CentreSums sums, boolean parallel) {
        super(data, atLeastTwo(k), sums, parallel);
        this.upper = new double[data.rows];
        this.lower = new double[data.rows * k];
        this.halfDistances = new double[k * k];
        this.nextCentre = new double[k];
        centreDistances(centres);
        RowBlocks blocks = data.blocks;
        RowBlocks.run(blocks.tasks, parallel, task -> {
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                initialBounds(i, centres);
            }
        });
    }

    private void initialBounds(int row, double[] centres) {
        int d = data.features;
        int label = 0;
        double nearest = distance(row, centres, 0);
        lower[row * k] = nearest;
        for (int j = 1; j < k; j++) {
            if (nearest > halfDistances[label * k + j]) {
                double dj = distance(row, centres, j * d);
                lower[row * k + j] = dj;
                if (dj < nearest) {
                    nearest = dj;
                    label = j;
                }
            }
        }
        labels[row] = label;
        upper[row] = nearest;
    }

    private double distance(int row, double[] centres, int c) {
        return Math.sqrt(data.squaredDistance(row, centres, c));
    }

    private void centreDistances(double[] centres) {
        int d = data.features;
        for (int a = 0; a < k; a++) {
            halfDistances[a * k + a] = 0;
            for (int b = a + 1; b < k; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = centres[a * d + j] - centres[b * d + j];
                    s += diff * diff;
                }
                double half = Math.sqrt(s) / 2;
                halfDistances[a * k + b] = half;
                halfDistances[b * k + a] = half;
            }
        }
        for (int a = 0; a < k; a++) {
            double min = Double.POSITIVE_INFINITY;
            for (int b = 0; b < k; b++) {
                if (b != a) {
                    min = Math.min(min, halfDistances[a * k + b]);
                }
            }
            nextCentre[a] = min;
        }
    }

    private static int atLeastTwo(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("elkan needs at least 2 centres, got " + k);
        }
        return k;
    }

    @Override
    void assignTask(int task, double[] centres, boolean accumulate) {
        RowBlocks blocks = data.blocks;
        int d = data.features;
        if (accumulate) {
            sums.clear(task);
        }
        int changes = 0;
        double inertia = 0;
        for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
            int label = labels[i];
            double bound = upper[i];
            boolean tight = false;
            // Only when another centre may be nearer than half-way to the nearest other centre.
            if (!(nextCentre[label] >= bound)) {
                int base = i * k;
                for (int j = 0; j < k; j++) {
                    if (j != label && bound > lower[base + j] && bound > halfDistances[label * k + j]) {
                        if (!tight) {
                            bound = distance(i, centres, label * d);
                            lower[base + label] = bound;
                            tight = true;
                            if (!(bound > lower[base + j] && bound > halfDistances[label * k + j])) {
                                continue;
                            }
                        }
                        double dj = distance(i, centres, j * d);
                        lower[base + j] = dj;
                        if (dj < bound) {
                            label = j;
                            bound = dj;
                        }
                    }
                }
                if (labels[i] != label) {
                    changes++;
                    labels[i] = label;
                }
                upper[i] = bound;
            }
            inertia += tight ? bound * bound : data.squaredDistance(i, centres, label * d);
            if (accumulate) {
                sums.add(task, i, label);
            }
        }
        taskChanges[task] = changes;
        taskInertia[task] = inertia;
    }

    @Override
    void moved(double[] next, double[] shifts) {
        RowBlocks blocks = data.blocks;
        RowBlocks.run(blocks.tasks, parallel, task -> {
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                upper[i] += shifts[labels[i]];
                int base = i * k;
                for (int j = 0; j < k; j++) {
                    lower[base + j] = Math.max(0, lower[base + j] - shifts[j]);
                }
            }
        });
        centreDistances(next);
    }
}
