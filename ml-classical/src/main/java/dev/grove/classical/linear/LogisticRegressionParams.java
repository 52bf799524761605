package dev.grove.classical.linear;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code logistic-regression}. The objective is scikit-learn's: minimise
 * c·Σ log-loss + ½‖W‖² over the weights W (the intercepts are not penalised), or Σ log-loss alone
 * with penalty {@code none}.
 *
 * @param penalty      {@code l2} or {@code none}
 * @param c            inverse regularisation strength, &gt; 0 (ignored with penalty none)
 * @param maxIter      L-BFGS iterations at most, ≥ 1
 * @param tol          gradient tolerance, &gt; 0
 * @param fitIntercept whether to learn an intercept per weight row
 */
public record LogisticRegressionParams(
        @Doc("Regularisation: l2 (squared norm of the weights; intercepts are never penalised) or none")
        @Default("l2") @OneOf({"l2", "none"}) String penalty,
        @Doc("Inverse regularisation strength: minimise c * sum of log-losses + 0.5 * |W|^2; smaller is stronger")
        @Default("1.0") @Min(value = 0, exclusive = true) double c,
        @Doc("Maximum number of L-BFGS iterations")
        @Default("100") @Min(1) int maxIter,
        @Doc("Stop when every gradient component of (sum of log-losses + |W|^2 / (2c)) is at most this in size")
        @Default("1e-4") @Min(value = 0, exclusive = true) double tol,
        @Doc("Whether to learn an intercept (bias) for each class")
        @Default("true") boolean fitIntercept) {

    /** Validates every param; a bad value throws naming it, e.g. "c must be > 0, got -1". */
    public LogisticRegressionParams {
        Params.oneOf("penalty", penalty, "l2", "none");
        Params.atLeast("c", c, 0, true);
        Params.atLeast("max-iter", maxIter, 1, false);
        Params.atLeast("tol", tol, 0, true);
    }

    /** penalty l2, c 1.0, max-iter 100, tol 1e-4, fit-intercept true (scikit-learn's defaults). */
    public static LogisticRegressionParams defaults() {
        return new LogisticRegressionParams("l2", 1.0, 100, 1e-4, true);
    }

    /** These params with another penalty. */
    public LogisticRegressionParams withPenalty(String penalty) {
        return new LogisticRegressionParams(penalty, c, maxIter, tol, fitIntercept);
    }

    /** These params with another c. */
    public LogisticRegressionParams withC(double c) {
        return new LogisticRegressionParams(penalty, c, maxIter, tol, fitIntercept);
    }

    /** These params with another max-iter. */
    public LogisticRegressionParams withMaxIter(int maxIter) {
        return new LogisticRegressionParams(penalty, c, maxIter, tol, fitIntercept);
    }

    /** These params with another tol. */
    public LogisticRegressionParams withTol(double tol) {
        return new LogisticRegressionParams(penalty, c, maxIter, tol, fitIntercept);
    }

    /** These params with or without intercepts. */
    public LogisticRegressionParams withFitIntercept(boolean fitIntercept) {
        return new LogisticRegressionParams(penalty, c, maxIter, tol, fitIntercept);
    }

    /** The penalty strength λ = 1/c on ½‖W‖² after dividing the objective by c; 0 without penalty. */
    double l2Strength() {
        return penalty.equals("none") ? 0 : 1.0 / c;
    }
}
