package dev.grove.classical.svm;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code svm}, scikit-learn's {@code SVC}: the C-support vector classifier solved by SMO
 * as libsvm does it. The kernels are K(u, v) = u·v ({@code linear}), exp(−γ‖u − v‖²) ({@code rbf}),
 * (γ u·v + coef0)^degree ({@code poly}) and tanh(γ u·v + coef0) ({@code sigmoid}).
 *
 * @param kernel      {@code linear}, {@code rbf}, {@code poly} or {@code sigmoid}
 * @param c           penalty of margin violations (the upper bound of every dual coefficient), &gt; 0
 * @param gamma       {@code scale} (1 / (features × variance of all training values)), {@code auto}
 *                    (1 / features) or a number ≥ 0, as text
 * @param degree      power of the polynomial kernel, ≥ 0
 * @param coef0       constant term of the polynomial and sigmoid kernels
 * @param tol         stopping tolerance on the largest violation of the optimality conditions, &gt; 0
 * @param maxIter     SMO iterations at most per binary problem, 0 for no limit
 * @param cacheSizeMb memory for cached kernel rows, in MiB, shared by the binary problems solved at once
 */
public record SvmParams(
        @Doc("Kernel: linear (u.v), rbf (exp(-gamma |u-v|^2)), poly ((gamma u.v + coef0)^degree) "
                + "or sigmoid (tanh(gamma u.v + coef0))")
        @Default("rbf") @OneOf({"linear", "rbf", "poly", "sigmoid"}) String kernel,
        @Doc("Penalty of margin violations: the upper bound of every dual coefficient; smaller regularises more")
        @Default("1.0") @Min(value = 0, exclusive = true) double c,
        @Doc("Kernel coefficient of rbf, poly and sigmoid: scale (1 / (features * variance of all training values)), "
                + "auto (1 / features) or a number >= 0 (e.g. 0.1)")
        @Default("scale") String gamma,
        @Doc("Power of the poly kernel")
        @Default("3") @Min(0) int degree,
        @Doc("Constant term of the poly and sigmoid kernels")
        @Default("0.0") double coef0,
        @Doc("Stop when the largest violation of the optimality conditions is below this")
        @Default("1e-3") @Min(value = 0, exclusive = true) double tol,
        @Doc("Maximum number of SMO iterations for each binary problem; 0 means no limit")
        @Default("0") @Min(0) int maxIter,
        @Doc("Memory for cached kernel rows in MiB, shared by the binary problems solved at the same time")
        @Default("200") @Min(value = 0, exclusive = true) double cacheSizeMb) {

    /** Validates every param; a bad value throws naming it, e.g. "gamma must be scale, auto or a number >= 0, got 'abc'". */
    public SvmParams {
        Params.oneOf("kernel", kernel, "linear", "rbf", "poly", "sigmoid");
        Params.atLeast("c", c, 0, true);
        parseGamma(gamma);
        Params.atLeast("degree", degree, 0, false);
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("coef0 must be a finite number, got " + coef0);
        }
        Params.atLeast("tol", tol, 0, true);
        Params.atLeast("max-iter", maxIter, 0, false);
        Params.atLeast("cache-size-mb", cacheSizeMb, 0, true);
        if (Double.isInfinite(cacheSizeMb)) {
            throw new IllegalArgumentException("cache-size-mb must be a finite number, got " + cacheSizeMb);
        }
    }

    /**
     * kernel rbf, c 1.0, gamma scale, degree 3, coef0 0, tol 1e-3, max-iter 0 (no limit), cache-size-mb 200
     * (scikit-learn's defaults).
     */
    public static SvmParams defaults() {
        return new SvmParams("rbf", 1.0, "scale", 3, 0.0, 1e-3, 0, 200);
    }

    /** These params with another kernel. */
    public SvmParams withKernel(String kernel) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another c. */
    public SvmParams withC(double c) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another gamma ({@code scale}, {@code auto} or a number as text). */
    public SvmParams withGamma(String gamma) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another degree. */
    public SvmParams withDegree(int degree) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another coef0. */
    public SvmParams withCoef0(double coef0) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another tol. */
    public SvmParams withTol(double tol) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another max-iter. */
    public SvmParams withMaxIter(int maxIter) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /** These params with another cache size. */
    public SvmParams withCacheSizeMb(double cacheSizeMb) {
        return new SvmParams(kernel, c, gamma, degree, coef0, tol, maxIter, cacheSizeMb);
    }

    /**
     * The γ these params give for training values {@code x} (rows × {@code features}, row-major):
     * scikit-learn's rules, where {@code scale} falls back to 1 when every value is the same.
     */
    double gammaValue(double[] x, int features) {
        double fixed = parseGamma(gamma);
        if (!Double.isNaN(fixed)) {
            return fixed;
        }
        if (gamma.equals("auto")) {
            return 1.0 / features;
        }
        double variance = variance(x);
        return variance == 0 ? 1.0 : 1.0 / (features * variance);
    }

    /** The number gamma names, NaN for {@code scale} and {@code auto}; throws for anything else. */
    private static double parseGamma(String gamma) {
        if ("scale".equals(gamma) || "auto".equals(gamma)) {
            return Double.NaN;
        }
        double value;
        try {
            value = gamma == null ? Double.NaN : Double.parseDouble(gamma.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("gamma must be scale, auto or a finite number >= 0, got '" + gamma + "'");
        }
        return value;
    }

    /** Population variance of all values, in two passes (mean, then squared deviations) as NumPy's var. */
    private static double variance(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double squares = 0;
        for (double v : x) {
            double deviation = v - mean;
            squares += deviation * deviation;
        }
        return squares / x.length;
    }
}
