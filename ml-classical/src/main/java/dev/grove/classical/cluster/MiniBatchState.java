package dev.grove.classical.cluster;

import dev.grove.tensor.Rng;
import java.util.Arrays;

/**
 * The centres of mini-batch k-means and how many rows each has absorbed, updated one batch at a time
 * as scikit-learn's {@code _mini_batch_step} (Sculley's algorithm): every row of the batch is
 * assigned to its nearest centre, then each centre moves to the running mean of all rows it ever
 * absorbed (learning rate 1/count per centre); centres that absorbed far fewer rows than the busiest
 * one are now and then moved to random rows of the batch.
 */
final class MiniBatchState {

    final int k;
    final int d;
    final double[] centres;
    final double[] counts;
    /** Rows seen since centres were last considered for moving to random rows. */
    long sinceReassign;
    /** Σ_c ‖Δc‖² of the last step, reassignments included. */
    double lastShift;

    private final double[] previous;
    private final double[] sums;
    private final double[] batchCounts;
    private final boolean[] reassign;
    private int[] order;

    MiniBatchState(int k, int d, double[] centres, double[] counts, long sinceReassign) {
        this.k = k;
        this.d = d;
        this.centres = centres;
        this.counts = counts;
        this.sinceReassign = sinceReassign;
        this.previous = new double[k * d];
        this.sums = new double[k * d];
        this.batchCounts = new double[k];
        this.reassign = new boolean[k];
        this.order = new int[0];
    }

    /**
     * Whether this step may move neglected centres: after every 10 k rows, or whenever a centre has
     * absorbed nothing yet (scikit-learn's {@code _random_reassign}). Counts {@code rows} as seen.
     */
    boolean dueForReassignment(int rows) {
        sinceReassign += rows;
        boolean due = sinceReassign >= 10L * k;
        for (double count : counts) {
            due |= count == 0;
        }
        if (due) {
            sinceReassign = 0;
        }
        return due;
    }

    /**
     * One step on the first {@code rows} rows of {@code batch} (row-major).
     *
     * @param reassignmentRatio centres with fewer rows than this share of the largest count move to
     *                          random batch rows (0 for none this step)
     * @return Σ squared distance of the batch rows to their nearest centre before the step
     */
    double step(double[] batch, int rows, Rng rng, double reassignmentRatio) {
        System.arraycopy(centres, 0, previous, 0, centres.length);
        Arrays.fill(sums, 0);
        Arrays.fill(batchCounts, 0);
        double inertia = 0;
        for (int i = 0; i < rows; i++) {
            int offset = i * d;
            int label = 0;
            double nearest = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double distance = NearestCentre.squaredDistance(batch, offset, previous, c * d, d);
                if (distance < nearest) {
                    nearest = distance;
                    label = c;
                }
            }
            inertia += nearest;
            batchCounts[label]++;
            for (int j = 0; j < d; j++) {
                sums[label * d + j] += batch[offset + j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (batchCounts[c] > 0) {
                double total = counts[c] + batchCounts[c];
                for (int j = 0; j < d; j++) {
                    centres[c * d + j] = (previous[c * d + j] * counts[c] + sums[c * d + j]) / total;
                }
                counts[c] = total;
            }
        }
        if (reassignmentRatio > 0) {
            moveNeglectedCentres(batch, rows, rng, reassignmentRatio);
        }
        double shift = 0;
        for (int i = 0; i < centres.length; i++) {
            double diff = centres[i] - previous[i];
            shift += diff * diff;
        }
        lastShift = shift;
        return inertia;
    }

    private void moveNeglectedCentres(double[] batch, int rows, Rng rng, double ratio) {
        double largest = 0;
        for (double count : counts) {
            largest = Math.max(largest, count);
        }
        int moving = 0;
        for (int c = 0; c < k; c++) {
            reassign[c] = counts[c] < ratio * largest;
            moving += reassign[c] ? 1 : 0;
        }
        int cap = rows / 2;
        if (moving > cap) {
            // Move at most half a batch of centres: keep only the ones with the smallest counts.
            int[] byCount = new int[k];
            for (int c = 0; c < k; c++) {
                // Insertion sort by count, stable, so equal counts keep index order.
                int at = c;
                while (at > 0 && counts[byCount[at - 1]] > counts[c]) {
                    byCount[at] = byCount[at - 1];
                    at--;
                }
                byCount[at] = c;
            }
            for (int rank = cap; rank < k; rank++) {
                reassign[byCount[rank]] = false;
            }
            moving = Math.min(moving, cap);
        }
        if (moving == 0) {
            return;
        }
        // Distinct random rows of the batch: the first `moving` of a random permutation.
        if (order.length < rows) {
            order = new int[rows];
        }
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        double smallestKept = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (!reassign[c]) {
                smallestKept = Math.min(smallestKept, counts[c]);
            }
        }
        int drawn = 0;
        for (int c = 0; c < k; c++) {
            if (reassign[c]) {
                int j = drawn + rng.nextInt(rows - drawn);
                int row = order[j];
                order[j] = order[drawn];
                order[drawn] = row;
                drawn++;
                System.arraycopy(batch, row * d, centres, c * d, d);
                // Not too small, or the centre would be moved again at once (scikit-learn's choice too).
                counts[c] = smallestKept;
            }
        }
    }
}
