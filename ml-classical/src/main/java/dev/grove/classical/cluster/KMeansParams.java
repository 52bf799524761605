package dev.grove.classical.cluster;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code kmeans}, with scikit-learn's meanings and defaults.
 *
 * @param k         number of clusters, ≥ 1 and at most the number of training rows
 * @param init      {@code k-means++} (greedy, 2 + ⌊ln k⌋ candidates per centre) or {@code random} rows
 * @param nInit     runs from different seedings, ≥ 1; the lowest inertia wins
 * @param maxIter   iterations per run at most, ≥ 1
 * @param tol       a run stops when Σ_c ‖Δc‖² ≤ tol × the mean per-feature variance of the data; ≥ 0
 * @param algorithm {@code lloyd} or {@code elkan} (same result, triangle-inequality bounds)
 */
public record KMeansParams(
        @Doc("Number of clusters (at most the number of rows)")
        @Default("8") @Min(1) int k,
        @Doc("How runs place their first centres: k-means++ (spread out by squared distance, greedy) or random rows")
        @Default("k-means++") @OneOf({"k-means++", "random"}) String init,
        @Doc("Number of runs from different seedings; the one with the lowest inertia is kept")
        @Default("10") @Min(1) int nInit,
        @Doc("Maximum number of iterations of one run")
        @Default("300") @Min(1) int maxIter,
        @Doc("A run stops when the squared centre movements, summed, are at most tol times the mean feature variance")
        @Default("1e-4") @Min(0) double tol,
        @Doc("lloyd (every distance, computed blockwise) or elkan (the same result, skipping distances by the triangle inequality)")
        @Default("lloyd") @OneOf({"lloyd", "elkan"}) String algorithm) {

    /** Validates every param; a bad value throws naming it, e.g. "k must be >= 1, got 0". */
    public KMeansParams {
        Params.atLeast("k", k, 1, false);
        Params.oneOf("init", init, "k-means++", "random");
        Params.atLeast("n-init", nInit, 1, false);
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, false);
        Params.oneOf("algorithm", algorithm, "lloyd", "elkan");
    }

    /** k 8, init k-means++, n-init 10, max-iter 300, tol 1e-4, algorithm lloyd (scikit-learn 1.2's defaults). */
    public static KMeansParams defaults() {
        return new KMeansParams(8, "k-means++", 10, 300, 1e-4, "lloyd");
    }

    /** These params with another k. */
    public KMeansParams withK(int k) {
        return new KMeansParams(k, init, nInit, maxIter, tol, algorithm);
    }

    /** These params with another init. */
    public KMeansParams withInit(String init) {
        return new KMeansParams(k, init, nInit, maxIter, tol, algorithm);
    }

    /** These params with another n-init. */
    public KMeansParams withNInit(int nInit) {
        return new KMeansParams(k, init, nInit, maxIter, tol, algorithm);
    }

    /** These params with another max-iter. */
    public KMeansParams withMaxIter(int maxIter) {
        return new KMeansParams(k, init, nInit, maxIter, tol, algorithm);
    }

    /** These params with another tol. */
    public KMeansParams withTol(double tol) {
        return new KMeansParams(k, init, nInit, maxIter, tol, algorithm);
    }

    /** These params with another algorithm. */
    public KMeansParams withAlgorithm(String algorithm) {
        return new KMeansParams(k, init, nInit, maxIter, tol, algorithm);
    }
}
