package dev.grove.classical.svm;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code linear-svm}, scikit-learn's {@code LinearSVC} with the dual solver of liblinear:
 * per class, minimise ½‖w‖² + c·Σ loss(y_i w·x_i) with the hinge loss max(0, 1 − m) or the squared
 * hinge loss max(0, 1 − m)². With {@code fit-intercept} the intercept is the weight of an extra
 * feature that is always 1, so it is regularised like the other weights, as in liblinear.
 *
 * @param loss         {@code hinge} or {@code squared-hinge}
 * @param c            penalty of margin violations, &gt; 0
 * @param tol          stopping tolerance on the spread of the projected gradient, &gt; 0
 * @param maxIter      passes over the data at most, per binary problem, ≥ 1
 * @param fitIntercept whether to learn an intercept (as the weight of a constant feature 1)
 */
public record LinearSvmParams(
        @Doc("Loss of a margin m: hinge max(0, 1 - m) or squared-hinge max(0, 1 - m)^2")
        @Default("hinge") @OneOf({"hinge", "squared-hinge"}) String loss,
        @Doc("Penalty of margin violations: minimise 0.5 |w|^2 + c * sum of losses; smaller regularises more")
        @Default("1.0") @Min(value = 0, exclusive = true) double c,
        @Doc("Stop when the projected gradients of all dual variables lie within an interval this wide")
        @Default("1e-4") @Min(value = 0, exclusive = true) double tol,
        @Doc("Maximum number of passes over the data for each binary problem")
        @Default("1000") @Min(1) int maxIter,
        @Doc("Whether to learn an intercept; it is the weight of a constant feature 1, so it is regularised too (as liblinear)")
        @Default("true") boolean fitIntercept) {

    /** Validates every param; a bad value throws naming it, e.g. "c must be > 0, got -1". */
    public LinearSvmParams {
        Params.oneOf("loss", loss, "hinge", "squared-hinge");
        Params.atLeast("c", c, 0, true);
        Params.atLeast("tol", tol, 0, true);
        Params.atLeast("max-iter", maxIter, 1, false);
    }

    /** loss hinge, c 1.0, tol 1e-4, max-iter 1000, fit-intercept true. */
    public static LinearSvmParams defaults() {
        return new LinearSvmParams("hinge", 1.0, 1e-4, 1000, true);
    }

    /** These params with another loss. */
    public LinearSvmParams withLoss(String loss) {
        return new LinearSvmParams(loss, c, tol, maxIter, fitIntercept);
    }

    /** These params with another c. */
    public LinearSvmParams withC(double c) {
        return new LinearSvmParams(loss, c, tol, maxIter, fitIntercept);
    }

    /** These params with another tol. */
    public LinearSvmParams withTol(double tol) {
        return new LinearSvmParams(loss, c, tol, maxIter, fitIntercept);
    }

    /** These params with another max-iter. */
    public LinearSvmParams withMaxIter(int maxIter) {
        return new LinearSvmParams(loss, c, tol, maxIter, fitIntercept);
    }

    /** These params with or without an intercept. */
    public LinearSvmParams withFitIntercept(boolean fitIntercept) {
        return new LinearSvmParams(loss, c, tol, maxIter, fitIntercept);
    }
}
