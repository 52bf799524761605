package dev.grove.classical.optim;

/**
 * Finds a step α along a descent direction d that satisfies the strong Wolfe conditions: sufficient
 * decrease φ(α) ≤ φ(0) + c₁αφ'(0) and curvature |φ'(α)| ≤ c₂|φ'(0)|, where φ(α) = f(x + αd).
 * It brackets by doubling, then zooms with safeguarded cubic interpolation (Nocedal &amp; Wright,
 * algorithms 3.5 and 3.6).
 *
 * <p>Near a minimum the decrease of f falls below the rounding error of f itself, and a test on
 * values alone would reject every step. Sufficient decrease is then also granted in Hager &amp; Zhang's
 * approximate form, which reads it from the slopes: φ'(α) ≤ (2δ − 1)φ'(0) with φ(α) ≤ φ(0) + ε|φ(0)|,
 * a tiny ε. Bracketing follows the slopes for the same reason. Non-finite values count as "too far".
 * If the evaluation budget runs out, the lowest point below φ(0) found so far is taken.
 *
 * <p>One instance serves one minimisation: it keeps scratch buffers and the result of the last search.
 */
final class StrongWolfeLineSearch {

    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final double APPROXIMATE_DECREASE = 0.1;
    private static final double CURVATURE = 0.9;
    /** Relative rise of f tolerated by the approximate decrease test: far above rounding, far below any real change. */
    private static final double VALUE_SLACK = 1e-10;
    private static final double EXPANSION = 2.0;
    /** Interpolated trial steps keep this fraction of the bracket width away from its ends. */
    private static final double SAFEGUARD = 0.1;
    /** After a non-finite value, the next trial goes this fraction of the way from the good end. */
    private static final double RETREAT = 0.2;

    private final DifferentiableFunction function;
    private final int maxEvaluations;
    private final double[] trialPoint;
    private final double[] trialGradient;
    private final double[] bestGradient;

    private double[] start;
    private double[] direction;
    private double startValue;
    private double startSlope;
    private double valueCeiling;
    private int budget;

    private double best;
    private double bestValue;

    private double acceptedValue;
    private int totalEvaluations;

    StrongWolfeLineSearch(DifferentiableFunction function, int n, int maxEvaluations) {
        this.function = function;
        this.maxEvaluations = maxEvaluations;
        this.trialPoint = new double[n];
        this.trialGradient = new double[n];
        this.bestGradient = new double[n];
    }

    /** f at the point accepted by the last successful search. */
    double value() {
        return acceptedValue;
    }

    /** Function evaluations spent by all searches so far. */
    int evaluations() {
        return totalEvaluations;
    }

    /**
     * Searches from {@code x} (value {@code f0}, directional derivative {@code slope0} &lt; 0) along
     * {@code d}; on success writes the new point and its gradient into {@code xOut}/{@code gOut}.
     *
     * @return whether an acceptable step, or failing that a step that lowers f, was found
     */
    boolean search(double[] x, double f0, double slope0, double[] d, double initialStep, double[] xOut, double[] gOut) {
        start = x;
        direction = d;
        startValue = f0;
        startSlope = slope0;
        valueCeiling = f0 + VALUE_SLACK * Math.abs(f0);
        budget = maxEvaluations;
        best = 0;
        bestValue = f0;
        double low = 0;
        double lowValue = f0;
        double lowSlope = slope0;
        double step = initialStep;
        while (budget > 0) {
            double value = evaluate(step);
            double slope = Lbfgs.dot(trialGradient, d);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                return zoom(low, lowValue, lowSlope, step, Double.NaN, Double.NaN, xOut, gOut);
            }
            if (acceptable(step, value, slope)) {
                return accept(value, xOut, gOut);
            }
            remember(step, value);
            if (slope >= 0 || !decreased(step, value, slope)) {
                return zoom(low, lowValue, lowSlope, step, value, slope, xOut, gOut);
            }
            low = step;
            lowValue = value;
            lowSlope = slope;
            step *= EXPANSION;
        }
        return fallBack(xOut, gOut);
    }

    /**
     * Narrows [lo, hi] until a trial is acceptable. Invariant: lo has negative slope and a value that
     * counts as decreased; hi has a non-negative slope, a value that does not, or (NaN) no finite value.
     */
    private boolean zoom(double lo, double loValue, double loSlope, double hi, double hiValue, double hiSlope,
                         double[] xOut, double[] gOut) {
        while (budget > 0) {
            double width = hi - lo;
            if (Math.abs(width) <= 1e-16 * Math.max(1.0, Math.abs(lo))) {
                break;
            }
            double step = Double.isNaN(hiValue)
                    ? lo + RETREAT * width
                    : interpolate(lo, loValue, loSlope, hi, hiValue, hiSlope);
            double value = evaluate(step);
            double slope = Lbfgs.dot(trialGradient, direction);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                hi = step;
                hiValue = Double.NaN;
                hiSlope = Double.NaN;
                continue;
            }
            if (acceptable(step, value, slope)) {
                return accept(value, xOut, gOut);
            }
            remember(step, value);
            if (slope < 0 && decreased(step, value, slope)) {
                lo = step;
                loValue = value;
                loSlope = slope;
            } else {
                hi = step;
                hiValue = value;
                hiSlope = slope;
            }
        }
        return fallBack(xOut, gOut);
    }

    /** The minimiser of the cubic matching value and slope at both ends, kept inside the bracket. */
    private static double interpolate(double a, double fa, double ga, double b, double fb, double gb) {
        double width = b - a;
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double radicand = d1 * d1 - ga * gb;
        double step = Double.NaN;
        if (radicand >= 0) {
            double d2 = Math.signum(width) * Math.sqrt(radicand);
            step = b - width * (gb + d2 - d1) / (gb - ga + 2 * d2);
        }
        double lowest = Math.min(a, b) + SAFEGUARD * Math.abs(width);
        double highest = Math.max(a, b) - SAFEGUARD * Math.abs(width);
        if (Double.isNaN(step)) {
            return a + 0.5 * width;
        }
        return Math.min(Math.max(step, lowest), highest);
    }

    private boolean acceptable(double step, double value, double slope) {
        return decreased(step, value, slope) && Math.abs(slope) <= -CURVATURE * startSlope;
    }

    /** Sufficient decrease, exact (Armijo) or approximate (Hager &amp; Zhang). */
    private boolean decreased(double step, double value, double slope) {
        boolean armijo = value <= startValue + SUFFICIENT_DECREASE * step * startSlope;
        boolean approximate = value <= valueCeiling && slope <= (2 * APPROXIMATE_DECREASE - 1) * startSlope;
        return armijo || approximate;
    }

    /** Keeps the lowest trial below φ(0), as the fallback. */
    private void remember(double step, double value) {
        if (value < bestValue) {
            best = step;
            bestValue = value;
            System.arraycopy(trialGradient, 0, bestGradient, 0, bestGradient.length);
        }
    }

    private boolean fallBack(double[] xOut, double[] gOut) {
        if (best <= 0) {
            return false;
        }
        pointAt(best, xOut);
        System.arraycopy(bestGradient, 0, gOut, 0, gOut.length);
        acceptedValue = bestValue;
        return true;
    }

    private boolean accept(double value, double[] xOut, double[] gOut) {
        System.arraycopy(trialPoint, 0, xOut, 0, xOut.length);
        System.arraycopy(trialGradient, 0, gOut, 0, gOut.length);
        acceptedValue = value;
        return true;
    }

    private double evaluate(double step) {
        budget--;
        totalEvaluations++;
        pointAt(step, trialPoint);
        return function.valueAndGradient(trialPoint, trialGradient);
    }

    private void pointAt(double step, double[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = start[i] + step * direction[i];
        }
    }
}
