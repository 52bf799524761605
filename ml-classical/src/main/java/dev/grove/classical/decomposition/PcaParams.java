package dev.grove.classical.decomposition;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code pca}.
 *
 * @param components how many components to keep: a whole number ≥ 1; a fraction in (0, 1) of the
 *                   variance to explain (the fewest leading components whose explained-variance ratios
 *                   sum to more than it, as scikit-learn's {@code n_components=0.95}); or 0 for all,
 *                   min(rows, features)
 * @param whiten     whether to divide each component's scores by its standard deviation, so every
 *                   output column has unit variance
 * @param solver     {@code svd} (singular value decomposition of the centred data) or {@code eigen}
 *                   (eigendecomposition of its covariance matrix)
 */
public record PcaParams(
        @Doc("Components to keep: a whole number >= 1; a fraction in (0, 1) of the variance to explain (the fewest"
                + " leading components whose explained-variance ratios sum to more than it); or 0 for all, min(rows, features)")
        @Default("0") @Min(0) double components,
        @Doc("Divide each component's scores by its standard deviation, so every output column has unit variance")
        @Default("false") boolean whiten,
        @Doc("svd: singular value decomposition of the centred data (through its Gram matrix when rows >= 4 x features);"
                + " eigen: eigendecomposition of the covariance matrix")
        @Default("svd") @OneOf({"svd", "eigen"}) String solver) {

    /**
     * Validates every param; a bad value throws naming it, e.g. "components must be >= 0, got -1".
     */
    public PcaParams {
        Params.atLeast("components", components, 0, false);
        if (components >= 1 && (components != Math.rint(components) || components > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("components must be a whole number >= 1, a fraction in (0, 1) or 0 for"
                    + " all, got " + components);
        }
        Params.oneOf("solver", solver, "svd", "eigen");
    }

    /** All components, no whitening, the svd solver. */
    public static PcaParams defaults() {
        return new PcaParams(0, false, "svd");
    }

    /** These params keeping {@code count} components (≥ 1), or all with 0. */
    public PcaParams withComponents(int count) {
        return new PcaParams(count, whiten, solver);
    }

    /** These params keeping the fewest components that explain more than {@code fraction} (in (0, 1)) of the variance. */
    public PcaParams withVarianceFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("components as a variance fraction must be in (0, 1), got " + fraction);
        }
        return new PcaParams(fraction, whiten, solver);
    }

    /** These params with or without whitening. */
    public PcaParams withWhiten(boolean whiten) {
        return new PcaParams(components, whiten, solver);
    }

    /** These params with another solver. */
    public PcaParams withSolver(String solver) {
        return new PcaParams(components, whiten, solver);
    }

    /** Whether {@link #components()} asks for a share of the variance rather than a count. */
    boolean isVarianceFraction() {
        return components > 0 && components < 1;
    }
}
