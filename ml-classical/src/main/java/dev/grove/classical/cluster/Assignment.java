package dev.grove.classical.cluster;

/**
 * The E-step of k-means: assigns every row to its nearest centre (Lloyd's or Elkan's way). Holds what
 * both ways share — the labels, and per-task counts of changes and inertia that are summed in task
 * order, so totals do not depend on the thread count.
 */
abstract class Assignment {

    final CentredData data;
    final int k;
    final boolean parallel;
    final CentreSums sums;
    final int[] labels;
    final int[] taskChanges;
    final double[] taskInertia;

    Assignment(CentredData data, int k, CentreSums sums, boolean parallel) {
        this.data = data;
        this.k = k;
        this.parallel = parallel;
        this.sums = sums;
        this.labels = new int[data.rows];
        this.taskChanges = new int[data.blocks.tasks];
        this.taskInertia = new double[data.blocks.tasks];
    }

    /**
     * Assigns each row to its nearest centre in {@code centres} (k × features, centred coordinates),
     * also adding it to the centre sums when {@code accumulate}.
     *
     * @return how many rows changed centre
     */
    final int assign(double[] centres, boolean accumulate) {
        prepare(centres);
        RowBlocks.run(data.blocks.tasks, parallel, task -> assignTask(task, centres, accumulate));
        int changes = 0;
        for (int change : taskChanges) {
            changes += change;
        }
        return changes;
    }

    /** Work done once per {@link #assign} before the row blocks (nothing by default). */
    void prepare(double[] centres) {
    }

    /** Assigns the rows of one block, recording its changes and inertia in {@code taskChanges[task]} and {@code taskInertia[task]}. */
    abstract void assignTask(int task, double[] centres, boolean accumulate);

    /** The centre of each row after the last {@link #assign}. */
    final int[] labels() {
        return labels;
    }

    /** Σ‖x − c‖² of each row to the centre it was assigned to by the last {@link #assign}. */
    final double inertia() {
        double inertia = 0;
        for (double part : taskInertia) {
            inertia += part;
        }
        return inertia;
    }

    /** Tells the assignment that the centres moved to {@code next}, centre c by Euclidean distance {@code shifts[c]}. */
    abstract void moved(double[] next, double[] shifts);
}
