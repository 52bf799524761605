package dev.grove.classical.cluster;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code gmm}, with scikit-learn's {@code GaussianMixture} meanings and defaults.
 *
 * @param components number of mixture components, ≥ 1 and at most the number of training rows
 * @param covariance {@code full} (each component its own matrix), {@code tied} (one shared matrix),
 *                   {@code diag} (each its own diagonal) or {@code spherical} (each one variance)
 * @param maxIter    EM iterations per run at most, ≥ 1
 * @param tol        a run stops when the mean log likelihood per row changes by less than this; ≥ 0
 * @param regCovar   added to every variance (the covariance diagonals) so they stay positive; ≥ 0
 * @param nInit      runs from different initialisations, ≥ 1; the highest final log likelihood wins
 * @param init       {@code kmeans} (responsibilities from a k-means labelling) or {@code random}
 */
public record GaussianMixtureParams(
        @Doc("Number of mixture components (at most the number of rows)")
        @Default("1") @Min(1) int components,
        @Doc("Covariance shape: full (each component its own matrix), tied (one shared matrix), diag (each its own diagonal) or spherical (each one variance)")
        @Default("full") @OneOf({"full", "tied", "diag", "spherical"}) String covariance,
        @Doc("Maximum number of EM iterations of one run")
        @Default("100") @Min(1) int maxIter,
        @Doc("A run stops when the mean log likelihood per row changes by less than this")
        @Default("1e-3") @Min(0) double tol,
        @Doc("Added to the diagonal of every covariance so that it stays positive definite")
        @Default("1e-6") @Min(0) double regCovar,
        @Doc("Number of runs from different initialisations; the one with the highest log likelihood is kept")
        @Default("1") @Min(1) int nInit,
        @Doc("How runs start: kmeans (responsibilities from one k-means++ run) or random (random responsibilities)")
        @Default("kmeans") @OneOf({"kmeans", "random"}) String init) {

    /** Validates every param; a bad value throws naming it, e.g. "reg-covar must be >= 0, got -1". */
    public GaussianMixtureParams {
        Params.atLeast("components", components, 1, false);
        Params.oneOf("covariance", covariance, "full", "tied", "diag", "spherical");
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, false);
        Params.atLeast("reg-covar", regCovar, 0, false);
        Params.atLeast("n-init", nInit, 1, false);
        Params.oneOf("init", init, "kmeans", "random");
    }

    /** components 1, covariance full, max-iter 100, tol 1e-3, reg-covar 1e-6, n-init 1, init kmeans (scikit-learn's defaults). */
    public static GaussianMixtureParams defaults() {
        return new GaussianMixtureParams(1, "full", 100, 1e-3, 1e-6, 1, "kmeans");
    }

    /** These params with another number of components. */
    public GaussianMixtureParams withComponents(int components) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }

    /** These params with another covariance type. */
    public GaussianMixtureParams withCovariance(String covariance) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }

    /** These params with another max-iter. */
    public GaussianMixtureParams withMaxIter(int maxIter) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }

    /** These params with another tol. */
    public GaussianMixtureParams withTol(double tol) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }

    /** These params with another reg-covar. */
    public GaussianMixtureParams withRegCovar(double regCovar) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }

    /** These params with another n-init. */
    public GaussianMixtureParams withNInit(int nInit) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }

    /** These params with another init. */
    public GaussianMixtureParams withInit(String init) {
        return new GaussianMixtureParams(components, covariance, maxIter, tol, regCovar, nInit, init);
    }
}
