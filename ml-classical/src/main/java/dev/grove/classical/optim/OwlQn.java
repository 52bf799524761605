package dev.grove.classical.optim;

import java.util.Objects;

/**
 * Orthant-wise limited-memory quasi-Newton (OWL-QN; Andrew &amp; Gao, "Scalable training of
 * L1-regularized log-linear models", ICML 2007): minimises F(x) = f(x) + Σᵢ λᵢ|xᵢ| for a smooth f
 * and weights λᵢ ≥ 0, the non-smooth objective of L1 and elastic-net penalties. It is {@link Lbfgs}
 * with three changes: the gradient is replaced by the pseudo-gradient (the steepest-descent slope
 * of F, which is 0 where a zero coordinate is held there by its penalty); the quasi-Newton direction
 * is cut to the orthant the pseudo-gradient points into; and each trial point is projected onto that
 * orthant, so a coordinate that would cross zero stops at exactly zero. Coordinates of weight 0 (say,
 * intercepts) are neither cut nor projected. The curvature pairs use the gradient of f alone, and the
 * step is found by backtracking from 1 until F decreases sufficiently (Armijo) — or, once changes of F
 * drown in its rounding, until F does not rise beyond rounding while the pseudo-gradient shrinks, the
 * counterpart of the approximate Wolfe test of {@link Lbfgs}.
 *
 * <p>It stops by the rules of {@link Lbfgs}: the largest pseudo-gradient component at most the
 * gradient tolerance, a relative decrease of F at most the relative decrease tolerance, the
 * iteration budget, or no decreasing step. Deterministic; float64 throughout.
 */
public final class OwlQn {

    /** Armijo's constant: F must fall by this share of the decrease its slope predicts. */
    private static final double SUFFICIENT_DECREASE = 1e-4;
    /** Each rejected trial step is shortened by this factor. */
    private static final double BACKTRACK = 0.5;
    /** Relative rise of F tolerated by the approximate decrease test: far above rounding, far below any real change. */
    private static final double VALUE_SLACK = 1e-10;

    private final Lbfgs.Settings settings;

    /**
     * An optimiser with the given settings; {@code maxLineSearchEvaluations} bounds the backtracking
     * trials of one step.
     */
    public OwlQn(Lbfgs.Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Minimises f(x) + Σᵢ l1Weights[i]·|xᵢ| from {@code start} (not modified). The result's value is
     * F, and its gradient max-norm is the pseudo-gradient's.
     *
     * @param smooth    f and its gradient
     * @param l1Weights λᵢ ≥ 0 per coordinate (0 leaves a coordinate unpenalised, e.g. an intercept)
     * @param start     the starting point
     * @param listener  told about each step (F and the pseudo-gradient max-norm); may throw to abandon
     * @throws IllegalArgumentException if a weight is negative or not finite, the lengths differ, or
     *                                  F or the gradient at the start is not finite
     */
    public Lbfgs.Result minimize(DifferentiableFunction smooth, double[] l1Weights, double[] start,
                                 Lbfgs.IterationListener listener) {
        Objects.requireNonNull(smooth, "smooth");
        Objects.requireNonNull(listener, "listener");
        int n = start.length;
        checkWeights(l1Weights, n);
        double[] x = start.clone();
        double[] g = new double[n];
        double f = smooth.valueAndGradient(x, g) + penalty(l1Weights, x);
        if (!Double.isFinite(f) || !Lbfgs.allFinite(g)) {
            throw new IllegalArgumentException("owlqn: the function value or gradient at the start is not finite (value "
                    + f + ")");
        }
        var search = new Search(smooth, l1Weights, n, settings.maxLineSearchEvaluations());
        CurvatureMemory memory = new CurvatureMemory(settings.memory(), n);
        double[] pseudoGradient = new double[n];
        pseudoGradient(x, g, l1Weights, pseudoGradient);
        double[] xNext = new double[n];
        double[] gNext = new double[n];
        double[] pseudoGradientNext = new double[n];
        int iterations = 0;
        boolean stalled = false;
        Lbfgs.Stop stop;
        while (true) {
            if (Lbfgs.maxAbs(pseudoGradient) <= settings.gradientTolerance()) {
                stop = Lbfgs.Stop.CONVERGED;
                break;
            }
            if (stalled) {
                stop = Lbfgs.Stop.RELATIVE_DECREASE;
                break;
            }
            if (iterations >= settings.maxIterations()) {
                stop = Lbfgs.Stop.MAX_ITERATIONS;
                break;
            }
            boolean stepped = search.step(memory, x, f, pseudoGradient, xNext, gNext, pseudoGradientNext);
            if (!stepped && !memory.isEmpty()) {
                // Stale curvature pairs can give a poor direction; start over from steepest descent once.
                memory.clear();
                stepped = search.step(memory, x, f, pseudoGradient, xNext, gNext, pseudoGradientNext);
            }
            if (!stepped) {
                stop = Lbfgs.Stop.LINE_SEARCH_FAILED;
                break;
            }
            memory.add(x, xNext, g, gNext);
            double[] swap = x;
            x = xNext;
            xNext = swap;
            swap = g;
            g = gNext;
            gNext = swap;
            swap = pseudoGradient;
            pseudoGradient = pseudoGradientNext;
            pseudoGradientNext = swap;
            double previous = f;
            f = search.acceptedValue;
            stalled = settings.stopsOnDecrease(previous, f);
            iterations++;
            listener.iterationDone(iterations, f, Lbfgs.maxAbs(pseudoGradient));
        }
        return new Lbfgs.Result(x, f, Lbfgs.maxAbs(pseudoGradient), iterations, 1 + search.evaluations, stop);
    }

    private static void checkWeights(double[] l1Weights, int n) {
        if (l1Weights.length != n) {
            throw new IllegalArgumentException("owlqn: " + l1Weights.length + " L1 weights for " + n + " coordinates");
        }
        for (int i = 0; i < n; i++) {
            if (!(l1Weights[i] >= 0) || l1Weights[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("owlqn: L1 weight " + i + " is " + l1Weights[i]
                        + "; expected a finite number >= 0");
            }
        }
    }

    /** Σᵢ λᵢ|xᵢ|. */
    static double penalty(double[] l1Weights, double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += l1Weights[i] * Math.abs(x[i]);
        }
        return sum;
    }

    /**
     * The pseudo-gradient of F at x: ∂f/∂xᵢ + λᵢ·sign(xᵢ) off zero; at zero the one-sided slope that
     * descends, or 0 when neither side does (the penalty holds the coordinate at zero).
     */
    static void pseudoGradient(double[] x, double[] g, double[] l1Weights, double[] into) {
        for (int i = 0; i < x.length; i++) {
            double weight = l1Weights[i];
            if (x[i] > 0) {
                into[i] = g[i] + weight;
            } else if (x[i] < 0) {
                into[i] = g[i] - weight;
            } else if (g[i] + weight < 0) {
                into[i] = g[i] + weight;
            } else if (g[i] - weight > 0) {
                into[i] = g[i] - weight;
            } else {
                into[i] = 0;
            }
        }
    }

    /** The direction and backtracking line search of one step, with its scratch buffers. */
    private static final class Search {
        private final DifferentiableFunction smooth;
        private final double[] l1Weights;
        private final int maxEvaluations;
        private final double[] direction;
        private final double[] orthant;
        private double acceptedValue;
        private int evaluations;

        Search(DifferentiableFunction smooth, double[] l1Weights, int n, int maxEvaluations) {
            this.smooth = smooth;
            this.l1Weights = l1Weights;
            this.maxEvaluations = maxEvaluations;
            this.direction = new double[n];
            this.orthant = new double[n];
        }

        /**
         * Tries one step from x (objective f); on success the new point, its smooth gradient and its
         * pseudo-gradient are in xNext, gNext and pseudoGradientNext.
         */
        boolean step(CurvatureMemory memory, double[] x, double f, double[] pseudoGradient, double[] xNext,
                     double[] gNext, double[] pseudoGradientNext) {
            int n = x.length;
            memory.direction(pseudoGradient, direction);
            // Keep only the components that descend along the pseudo-gradient (penalised coordinates).
            for (int i = 0; i < n; i++) {
                if (l1Weights[i] > 0 && direction[i] * pseudoGradient[i] >= 0) {
                    direction[i] = 0;
                }
            }
            if (!(Lbfgs.dot(pseudoGradient, direction) < 0)) {
                memory.clear();
                for (int i = 0; i < n; i++) {
                    direction[i] = -pseudoGradient[i];
                }
            }
            for (int i = 0; i < n; i++) {
                orthant[i] = l1Weights[i] == 0 ? 0 : x[i] != 0 ? Math.signum(x[i]) : -Math.signum(pseudoGradient[i]);
            }
            double pseudoGradientNorm = Lbfgs.maxAbs(pseudoGradient);
            double valueCeiling = f + VALUE_SLACK * Math.abs(f);
            // Without curvature information the scale of the direction is unknown: make the first
            // trial step of unit length. Afterwards the two-loop recursion already scales it.
            double step = memory.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(Lbfgs.dot(direction, direction))) : 1.0;
            for (int trial = 0; trial < maxEvaluations; trial++) {
                double predicted = 0;
                for (int i = 0; i < n; i++) {
                    double value = x[i] + step * direction[i];
                    // A penalised coordinate leaving its orthant stops at zero.
                    xNext[i] = orthant[i] == 0 || value * orthant[i] > 0 ? value : 0;
                    predicted += pseudoGradient[i] * (xNext[i] - x[i]);
                }
                evaluations++;
                double value = smooth.valueAndGradient(xNext, gNext) + penalty(l1Weights, xNext);
                if (predicted < 0 && Double.isFinite(value) && Lbfgs.allFinite(gNext)) {
                    pseudoGradient(xNext, gNext, l1Weights, pseudoGradientNext);
                    boolean armijo = value <= f + SUFFICIENT_DECREASE * predicted;
                    boolean approximate = value <= valueCeiling && Lbfgs.maxAbs(pseudoGradientNext) < pseudoGradientNorm;
                    if (armijo || approximate) {
                        acceptedValue = value;
                        return true;
                    }
                }
                step *= BACKTRACK;
            }
            return false;
        }
    }
}
