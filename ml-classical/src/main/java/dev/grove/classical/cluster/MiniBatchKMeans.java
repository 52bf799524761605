package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.IncrementalEstimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.tensor.Rng;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Mini-batch k-means (Sculley 2010), as scikit-learn 1.2's {@code MiniBatchKMeans}: centres seeded on
 * a random subset, then moved batch by batch, each centre to the running mean of the rows it has
 * absorbed. For data too large to sweep repeatedly, or that keeps arriving: {@link #partialFit}
 * updates a model with one more batch.
 *
 * <p>{@link #fit} tries {@code n-init} seedings (from streams {@code init-i}) on subsets of
 * 3 × batch-size rows and keeps the one with the lowest inertia on a held-out subset (stream
 * {@code validation}); it then draws batches with replacement (stream {@code batches}) for up to
 * max-iter × rows / batch-size steps, stopping early when the centres stop moving ({@code tol}) or the
 * smoothed batch inertia stops falling ({@code max-no-improvement}). Each step records
 * {@code batch-inertia} (per row) in the history. Deterministic for a given seed, whatever the
 * thread budget.
 */
public final class MiniBatchKMeans implements IncrementalEstimator<MiniBatchKMeansModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "mini-batch-kmeans";

    private final MiniBatchKMeansParams params;

    /** An estimator with {@code params}. */
    public MiniBatchKMeans(MiniBatchKMeansParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public MiniBatchKMeansParams params() {
        return params;
    }

    /**
     * Clusters the rows of {@code data} (targets, if any, are ignored).
     *
     * @throws IllegalArgumentException if the data is empty, has fewer rows than k, or holds a NaN or infinity
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public MiniBatchKMeansModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int k = params.k();
        double[] x = ClusterInputs.features(NAME, data, "k", k);
        int d = data.featureCount();
        int n = x.length / d;
        boolean parallel = context.threads() > 1;
        int batchSize = Math.min(params.batchSize(), n);
        int initSize = initSize(batchSize, n);

        double[] validation = gather(x, d, n, initSize, context.rng("validation"), new double[initSize * d]);
        double[] centres = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int run = 0; run < params.nInit(); run++) {
            double[] candidate = seed(x, d, n, initSize, context.rng("init-" + run), parallel);
            double inertia = NearestCentre.inertia(validation, d, candidate, k, parallel);
            if (centres == null || inertia < bestInertia) {
                centres = candidate;
                bestInertia = inertia;
            }
        }

        double tolerance = params.tol() > 0 ? params.tol() * meanVariance(x, d) : 0;
        MiniBatchState state = new MiniBatchState(k, d, centres, new double[k], 0);
        long steps = Math.max(1, (long) params.maxIter() * n / batchSize);
        Rng rng = context.rng("batches");
        double[] batch = new double[batchSize * d];
        var stopping = new EarlyStopping(batchSize, n);
        long step = 0;
        boolean stop = false;
        while (step < steps && !stop) {
            context.checkCancelled();
            gather(x, d, n, batchSize, rng, batch);
            boolean reassign = state.dueForReassignment(batchSize);
            double inertia = state.step(batch, batchSize, rng, reassign ? params.reassignmentRatio() : 0) / batchSize;
            step++;
            context.recordHistory((int) Math.min(step, Integer.MAX_VALUE), Map.of("batch-inertia", inertia));
            if (step % 64 == 0) {
                context.progress().update(NAME, step, steps, String.format(Locale.ROOT, "batch inertia %.6g", inertia));
            }
            stop = (tolerance > 0 && step > 1 && state.lastShift <= tolerance) | stopping.noLongerImproving(step, inertia);
        }
        context.progress().update(NAME, steps, steps, "");
        int nIter = (int) Math.min(Integer.MAX_VALUE, (step * batchSize + n - 1) / n);
        double inertia = NearestCentre.inertia(x, d, state.centres, k, parallel);
        return new MiniBatchKMeansModel(data.schema(), k, state.centres, state.counts, inertia, nIter, step,
                state.sinceReassign);
    }

    /**
     * {@code previous} updated with {@code data} as one more mini-batch; with no previous model, centres
     * are first seeded on {@code data} (which then needs at least k rows). Draws from stream
     * {@code partial-fit-S}, S the number of steps so far.
     *
     * @throws IllegalArgumentException if the data is empty, holds a NaN or infinity, has other columns
     *                                  than {@code previous} was trained on, or {@code previous} has another k
     */
    @Override
    public MiniBatchKMeansModel partialFit(MiniBatchKMeansModel previous, Dataset data, RunContext context) {
        context.checkCancelled();
        int k = params.k();
        int d = data.featureCount();
        boolean parallel = context.threads() > 1;
        long stepsBefore = previous == null ? 0 : previous.nSteps();
        Rng rng = context.rng("partial-fit-" + stepsBefore);
        double[] x;
        MiniBatchState state;
        int nIter = 0;
        if (previous == null) {
            x = ClusterInputs.features(NAME, data, "k", k);
            int n = x.length / d;
            double[] centres = seed(x, d, n, initSize(Math.min(params.batchSize(), n), n), rng, parallel);
            state = new MiniBatchState(k, d, centres, new double[k], 0);
        } else {
            if (previous.clusterCount() != k) {
                throw new IllegalArgumentException(NAME + ": cannot update a model of " + previous.clusterCount()
                        + " clusters with k = " + k);
            }
            previous.checkColumns(data);
            if (data.rows() == 0) {
                throw new IllegalArgumentException(NAME + " needs at least one row to update a model, got an empty data set");
            }
            x = Inputs.finiteFeatures(NAME, data);
            state = new MiniBatchState(k, d, previous.centresFlat(), previous.counts(), previous.samplesSinceReassignment());
            nIter = previous.nIter();
        }
        int rows = x.length / d;
        boolean reassign = state.dueForReassignment(rows);
        state.step(x, rows, rng, reassign ? params.reassignmentRatio() : 0);
        double inertia = NearestCentre.inertia(x, d, state.centres, k, parallel);
        return new MiniBatchKMeansModel(previous == null ? data.schema() : previous.schema(), k, state.centres,
                state.counts, inertia, nIter, stepsBefore + 1, state.sinceReassign);
    }

    /** Rows the seeding sees: 3 batches, at least 3 k, at most all rows (scikit-learn's {@code init_size}). */
    private int initSize(int batchSize, int rows) {
        int size = 3 * batchSize;
        if (size < params.k()) {
            size = 3 * params.k();
        }
        return Math.min(size, rows);
    }

    /** Centres seeded on {@code size} rows drawn with replacement, as scikit-learn's {@code _init_centroids}. */
    private double[] seed(double[] x, int d, int n, int size, Rng rng, boolean parallel) {
        CentredData subset = CentredData.of(gather(x, d, n, size, rng, new double[size * d]), d, parallel);
        int k = params.k();
        double[] centres;
        if (params.init().equals("k-means++")) {
            centres = KMeansPlusPlus.seed(subset, k, rng, parallel);
        } else {
            // Distinct subset rows: the first k of a random permutation.
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            centres = new double[k * d];
            for (int c = 0; c < k; c++) {
                int j = c + rng.nextInt(size - c);
                int row = order[j];
                order[j] = order[c];
                order[c] = row;
                System.arraycopy(subset.x, row * d, centres, c * d, d);
            }
        }
        return subset.uncentre(centres);
    }

    /** Copies {@code count} rows drawn uniformly with replacement into {@code into} and returns it. */
    private static double[] gather(double[] x, int d, int n, int count, Rng rng, double[] into) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(x, rng.nextInt(n) * d, into, i * d, d);
        }
        return into;
    }

    /** Mean over features of the population variance, the scale of the tolerance. */
    private static double meanVariance(double[] x, int d) {
        int n = x.length / d;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += x[i * d + j];
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double deviation = x[i * d + j] - mean;
                squares += deviation * deviation;
            }
            total += squares / n;
        }
        return total / d;
    }

    /**
     * scikit-learn's {@code _mini_batch_convergence} heuristic: an exponentially weighted average of the
     * per-row batch inertia (the first step, measured against the seeds, is ignored), and a count of
     * steps without a new minimum of it.
     */
    private final class EarlyStopping {
        private final double alpha;
        private double average = Double.NaN;
        private double minimum = Double.NaN;
        private int withoutImprovement;

        EarlyStopping(int batchSize, int rows) {
            this.alpha = Math.min(1, batchSize * 2.0 / (rows + 1));
        }

        boolean noLongerImproving(long step, double batchInertia) {
            if (step == 1) {
                return false;
            }
            average = Double.isNaN(average) ? batchInertia : average * (1 - alpha) + batchInertia * alpha;
            if (Double.isNaN(minimum) || average < minimum) {
                withoutImprovement = 0;
                minimum = average;
            } else {
                withoutImprovement++;
            }
            return params.maxNoImprovement() > 0 && withoutImprovement >= params.maxNoImprovement();
        }
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
