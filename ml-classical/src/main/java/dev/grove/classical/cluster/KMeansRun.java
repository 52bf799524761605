package dev.grove.classical.cluster;

import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * One k-means run from one seeding, as scikit-learn's {@code _kmeans_single_lloyd} and
 * {@code _kmeans_single_elkan}: alternate assignment and centre update until no row changes centre
 * (strict convergence), the centres move by at most the tolerance (Σ_c ‖Δc‖² ≤ tol), or the
 * iterations run out; then, unless strictly converged, assign once more so the labels match the
 * final centres.
 */
final class KMeansRun {

    /** What one run found; centres in the centred coordinates of its {@link CentredData}. */
    record Result(double[] centres, int[] labels, double inertia, int iterations, boolean converged,
                  double[] inertiaHistory, double[] shiftHistory) {
    }

    /** What a run needs to know besides the data. */
    record Settings(int k, boolean plusPlus, boolean elkan, int maxIter, double tolerance) {
    }

    private KMeansRun() {
    }

    /**
     * Seeds and iterates once.
     *
     * @param rng       this run's own stream
     * @param iteration called after each iteration with its number (from 1), on the thread doing the run;
     *                  may throw to cancel
     */
    static Result run(CentredData data, Settings settings, Rng rng, boolean parallel, IntConsumer iteration) {
        int k = settings.k();
        int d = data.features;
        double[] centres = settings.plusPlus() ? KMeansPlusPlus.seed(data, k, rng, parallel) : randomRows(data, k, rng);
        double[] next = new double[k * d];
        double[] shifts = new double[k];
        CentreSums sums = new CentreSums(data, k);
        Assignment assignment = settings.elkan() && k > 1
                ? new ElkanAssignment(data, k, centres, sums, parallel)
                : new LloydAssignment(data, k, sums, parallel);
        double[] inertiaHistory = new double[settings.maxIter()];
        double[] shiftHistory = new double[settings.maxIter()];
        boolean strict = false;
        boolean withinTolerance = false;
        int iterations = 0;
        while (iterations < settings.maxIter() && !strict && !withinTolerance) {
            int changes = assignment.assign(centres, true);
            boolean reseeded = sums.update(centres, assignment.labels(), next, parallel);
            double shift = 0;
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double diff = next[c * d + j] - centres[c * d + j];
                    s += diff * diff;
                }
                shifts[c] = Math.sqrt(s);
                shift += s;
            }
            assignment.moved(next, shifts);
            double[] swap = centres;
            centres = next;
            next = swap;
            inertiaHistory[iterations] = assignment.inertia();
            shiftHistory[iterations] = shift;
            iterations++;
            iteration.accept(iterations);
            // Labels start unassigned, so the first iteration cannot converge strictly; a re-seeded
            // centre moved without its row changing label, so neither can an iteration that re-seeded.
            strict = iterations > 1 && changes == 0 && !reseeded;
            withinTolerance = shift <= settings.tolerance();
        }
        if (!strict) {
            assignment.assign(centres, false);
        }
        int[] labels = assignment.labels();
        double inertia = inertia(data, centres, labels, parallel);
        return new Result(centres, labels, inertia, iterations, strict || withinTolerance,
                Arrays.copyOf(inertiaHistory, iterations), Arrays.copyOf(shiftHistory, iterations));
    }

    /** k distinct rows chosen uniformly, as the first k of a random permutation. */
    private static double[] randomRows(CentredData data, int k, Rng rng) {
        int n = data.rows;
        int d = data.features;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] centres = new double[k * d];
        for (int c = 0; c < k; c++) {
            int j = c + rng.nextInt(n - c);
            int chosen = order[j];
            order[j] = order[c];
            order[c] = chosen;
            System.arraycopy(data.x, chosen * d, centres, c * d, d);
        }
        return centres;
    }

    /** Σ_i ‖x_i − c_label(i)‖², each term summed directly, the tasks' partial sums added in order. */
    static double inertia(CentredData data, double[] centres, int[] labels, boolean parallel) {
        RowBlocks blocks = data.blocks;
        double[] partial = new double[blocks.tasks];
        int d = data.features;
        RowBlocks.run(blocks.tasks, parallel, task -> {
            double s = 0;
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                s += data.squaredDistance(i, centres, labels[i] * d);
            }
            partial[task] = s;
        });
        double total = 0;
        for (double part : partial) {
            total += part;
        }
        return total;
    }
}
