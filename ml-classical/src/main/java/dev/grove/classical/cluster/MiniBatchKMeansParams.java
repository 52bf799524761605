package dev.grove.classical.cluster;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code mini-batch-kmeans}, with scikit-learn 1.2's {@code MiniBatchKMeans} meanings and defaults.
 *
 * @param k                  number of clusters, ≥ 1 and at most the number of rows of the first fit
 * @param init               {@code k-means++} or {@code random}, applied to a random subset of 3 × batch-size rows
 * @param nInit              seedings tried, ≥ 1; the one with the lowest inertia on a held-out random subset wins
 * @param batchSize          rows per mini-batch, ≥ 1
 * @param maxIter            passes over the data at most (max-iter × rows / batch-size steps), ≥ 1
 * @param tol                stop when Σ_c ‖Δc‖² of a step ≤ tol × the mean feature variance; 0 turns this off
 * @param maxNoImprovement   stop after this many steps without a lower smoothed batch inertia; 0 turns this off
 * @param reassignmentRatio  centres whose row count falls below this share of the largest are moved to random batch rows; 0 never
 */
public record MiniBatchKMeansParams(
        @Doc("Number of clusters (at most the number of rows)")
        @Default("8") @Min(1) int k,
        @Doc("How the centres start: k-means++ or random rows, chosen from a random subset of 3 x batch-size rows")
        @Default("k-means++") @OneOf({"k-means++", "random"}) String init,
        @Doc("Number of seedings tried; the one with the lowest inertia on a random held-out subset is kept")
        @Default("3") @Min(1) int nInit,
        @Doc("Rows drawn (with replacement) for each mini-batch step")
        @Default("1024") @Min(1) int batchSize,
        @Doc("Maximum number of passes over the data: max-iter x rows / batch-size mini-batch steps")
        @Default("100") @Min(1) int maxIter,
        @Doc("Stop when a step moves the centres by at most tol times the mean feature variance (squared, summed); 0 turns this off")
        @Default("0.0") @Min(0) double tol,
        @Doc("Stop after this many steps in a row without a lower smoothed batch inertia; 0 turns this off")
        @Default("10") @Min(0) int maxNoImprovement,
        @Doc("Centres with fewer rows than this share of the largest count are moved to random rows of the batch")
        @Default("0.01") @Min(0) @Max(1) double reassignmentRatio) {

    /** Validates every param; a bad value throws naming it, e.g. "batch-size must be >= 1, got 0". */
    public MiniBatchKMeansParams {
        Params.atLeast("k", k, 1, false);
        Params.oneOf("init", init, "k-means++", "random");
        Params.atLeast("n-init", nInit, 1, false);
        Params.atLeast("batch-size", batchSize, 1, false);
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, false);
        Params.atLeast("max-no-improvement", maxNoImprovement, 0, false);
        Params.atLeast("reassignment-ratio", reassignmentRatio, 0, false);
        Params.atMost("reassignment-ratio", reassignmentRatio, 1, false);
    }

    /** k 8, init k-means++, n-init 3, batch-size 1024, max-iter 100, tol 0, max-no-improvement 10, reassignment-ratio 0.01. */
    public static MiniBatchKMeansParams defaults() {
        return new MiniBatchKMeansParams(8, "k-means++", 3, 1024, 100, 0.0, 10, 0.01);
    }

    /** These params with another k. */
    public MiniBatchKMeansParams withK(int k) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another init. */
    public MiniBatchKMeansParams withInit(String init) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another n-init. */
    public MiniBatchKMeansParams withNInit(int nInit) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another batch-size. */
    public MiniBatchKMeansParams withBatchSize(int batchSize) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another max-iter. */
    public MiniBatchKMeansParams withMaxIter(int maxIter) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another tol. */
    public MiniBatchKMeansParams withTol(double tol) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another max-no-improvement. */
    public MiniBatchKMeansParams withMaxNoImprovement(int maxNoImprovement) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }

    /** These params with another reassignment-ratio. */
    public MiniBatchKMeansParams withReassignmentRatio(double reassignmentRatio) {
        return new MiniBatchKMeansParams(k, init, nInit, batchSize, maxIter, tol, maxNoImprovement, reassignmentRatio);
    }
}
