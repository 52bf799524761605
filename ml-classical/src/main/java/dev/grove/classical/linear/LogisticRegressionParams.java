package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code logistic-regression}. The objective is scikit-learn's: minimise
 * c·Σ log-loss + penalty(W) over the weights W, where the penalty is ½‖W‖² ({@code l2}), ‖W‖₁
 * ({@code l1}), ρ‖W‖₁ + (1 − ρ)/2 ‖W‖² with ρ = l1-ratio ({@code elastic-net}), or nothing
 * ({@code none}, which ignores c). The intercepts are never penalised, and ‖W‖₁ sums the absolute
 * value of every weight (of every class).
 *
 * <p>The solver follows from the penalty: L-BFGS for {@code l2} and {@code none}, OWL-QN (L-BFGS
 * for an L1 term) for {@code l1} and {@code elastic-net} (an elastic-net with l1-ratio 0 is pure l2
 * and goes to L-BFGS). L-BFGS stops on the two rules of scikit-learn's lbfgs solver (scipy's
 * L-BFGS-B): every gradient component within {@code tol}, or an iteration that lowers the objective
 * by at most {@code relative-decrease-tol} of max(|objective|, 1). OWL-QN stops when every component
 * of the pseudo-gradient is within {@code tol}; the relative decrease rule would stop it early, as
 * its projected steps may lower the objective little while still far from the optimum. With the
 * defaults its weights are within about 1e-4 of the optimum that scikit-learn's saga reaches when run
 * to convergence, and exactly the same weights are zero.
 *
 * <p>With three or more classes the softmax is unchanged by adding a constant to every intercept, so
 * the intercepts are determined only up to that constant; as in scikit-learn, the fit starts from
 * zero and every step keeps their sum at zero.
 *
 * @param penalty            {@code l1}, {@code l2}, {@code elastic-net} or {@code none}
 * @param c                  inverse regularisation strength, &gt; 0 (ignored with penalty none)
 * @param l1Ratio            share ρ of the L1 term in the elastic-net penalty, in [0, 1]
 * @param maxIter            iterations at most, ≥ 1
 * @param tol                gradient tolerance, &gt; 0
 * @param relativeDecreaseTol relative decrease tolerance of L-BFGS, ≥ 0 (0 turns the rule off)
 * @param fitIntercept       whether to learn an intercept per weight row
 */
public record LogisticRegressionParams(
        @Doc("Regularisation of the weights (intercepts are never penalised): l2 (half the squared norm), l1 (sum of"
                + " absolute values; drives weights to exactly zero), elastic-net (l1-ratio mixes the two) or none")
        @Default("l2") @OneOf({"l1", "l2", "elastic-net", "none"}) String penalty,
        @Doc("Inverse regularisation strength: minimise c * sum of log-losses + penalty; smaller is stronger")
        @Default("1.0") @Min(value = 0, exclusive = true) double c,
        @Doc("Elastic-net mixing: the penalty is l1-ratio * |W|_1 + (1 - l1-ratio) / 2 * |W|^2; used by elastic-net only")
        @Default("0.5") @Min(0) @Max(1) double l1Ratio,
        @Doc("Maximum number of iterations (L-BFGS, or OWL-QN with an L1 term)")
        @Default("100") @Min(1) int maxIter,
        @Doc("Stop when every component of the gradient (with an L1 term: pseudo-gradient) of"
                + " (sum of log-losses + penalty / c) is at most this in size")
        @Default("1e-4") @Min(value = 0, exclusive = true) double tol,
        @Doc("L-BFGS (penalties l2 and none) also stops when an iteration lowers the objective by at most this"
                + " fraction of max(|objective|, 1): scipy's ftol, at the default scikit-learn uses; 0 turns the rule"
                + " off for a fit to the gradient tolerance")
        @Default("2.220446049250313e-9") @Min(0) double relativeDecreaseTol,
        @Doc("Whether to learn an intercept (bias) for each class")
        @Default("true") boolean fitIntercept) {

    /** Validates every param; a bad value throws naming it, e.g. "c must be > 0, got -1". */
    public LogisticRegressionParams {
        Params.oneOf("penalty", penalty, "l1", "l2", "elastic-net", "none");
        Params.atLeast("c", c, 0, true);
        Params.atLeast("l1-ratio", l1Ratio, 0, false);
        Params.atMost("l1-ratio", l1Ratio, 1, false);
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, true);
        Params.atLeast("relative-decrease-tol", relativeDecreaseTol, 0, false);
    }

    /**
     * penalty l2, c 1.0, l1-ratio 0.5, max-iter 100, tol 1e-4, relative-decrease-tol 2.22e-9,
     * fit-intercept true (scikit-learn's defaults).
     */
    public static LogisticRegressionParams defaults() {
        return new LogisticRegressionParams("l2", 1.0, 0.5, 100, 1e-4, 2.220446049250313e-9, true);
    }

    /** These params with another penalty. */
    public LogisticRegressionParams withPenalty(String penalty) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** These params with another c. */
    public LogisticRegressionParams withC(double c) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** These params with another l1-ratio. */
    public LogisticRegressionParams withL1Ratio(double l1Ratio) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** These params with another max-iter. */
    public LogisticRegressionParams withMaxIter(int maxIter) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** These params with another tol. */
    public LogisticRegressionParams withTol(double tol) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** These params with another relative-decrease-tol (0: stop on the gradient tolerance only). */
    public LogisticRegressionParams withRelativeDecreaseTol(double relativeDecreaseTol) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** These params with or without intercepts. */
    public LogisticRegressionParams withFitIntercept(boolean fitIntercept) {
        return new LogisticRegressionParams(penalty, c, l1Ratio, maxIter, tol, relativeDecreaseTol, fitIntercept);
    }

    /** The strength λ₂ of ½λ₂‖W‖² once the objective is divided by c; 0 without that term. */
    double l2Strength() {
        return switch (penalty) {
            case "l2" -> 1.0 / c;
            case "elastic-net" -> (1 - l1Ratio) / c;
            default -> 0;
        };
    }

    /** The strength λ₁ of λ₁‖W‖₁ once the objective is divided by c; 0 without that term. */
    double l1Strength() {
        return switch (penalty) {
            case "l1" -> 1.0 / c;
            case "elastic-net" -> l1Ratio / c;
            default -> 0;
        };
    }
}
