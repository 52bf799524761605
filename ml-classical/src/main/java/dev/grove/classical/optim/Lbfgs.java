package dev.grove.classical.optim;

import java.util.Objects;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, algorithm 7.4): the two-loop
 * recursion over the last {@code memory} steps gives a quasi-Newton direction, and a line search
 * satisfying the strong Wolfe conditions picks the step (with Hager &amp; Zhang's approximate form of
 * sufficient decrease once changes of f drown in rounding).
 * Deterministic; float64 throughout.
 *
 * <p>It stops on the two rules of scipy's L-BFGS-B without bounds, which scikit-learn's lbfgs solver
 * uses: when the largest absolute gradient component is at most the gradient tolerance (scipy's
 * {@code gtol}, scikit-learn's {@code tol}), or when an iteration lowers f by at most the relative
 * decrease tolerance: (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ ftol (scipy's {@code ftol}, whose
 * default {@link #SCIPY_RELATIVE_DECREASE_TOLERANCE} scikit-learn 1.2 keeps). It also stops after
 * the maximum number of iterations, or when no step along a descent direction lowers f any more.
 */
public final class Lbfgs {

    /**
     * scipy's default {@code ftol} for L-BFGS-B: factr 1e7 times the float64 machine epsilon. Large
     * objectives (sums over many rows) stop on it long before the gradient tolerance.
     */
    public static final double SCIPY_RELATIVE_DECREASE_TOLERANCE = 1e7 * 2.220446049250313e-16;

    private final Settings settings;

    /** An optimiser with the given settings. */
    public Lbfgs(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * What the optimiser may spend and when it is done.
     *
     * @param maxIterations             iterations (accepted steps) at most; 0 only evaluates the start
     * @param gradientTolerance         converged when max |∂f/∂xᵢ| ≤ this
     * @param relativeDecreaseTolerance converged when a step lowers f by at most this fraction of
     *                                  max(|f|, 1); 0 turns the rule off
     * @param memory                    how many recent steps shape the direction
     * @param maxLineSearchEvaluations  function evaluations one line search may spend
     */
    public record Settings(int maxIterations, double gradientTolerance, double relativeDecreaseTolerance, int memory,
                           int maxLineSearchEvaluations) {

        /** Validates the settings. */
        public Settings {
            if (maxIterations < 0) {
                throw new IllegalArgumentException("lbfgs: max-iterations must be >= 0, got " + maxIterations);
            }
            if (!(gradientTolerance >= 0)) {
                throw new IllegalArgumentException("lbfgs: gradient-tolerance must be >= 0, got " + gradientTolerance);
            }
            if (!(relativeDecreaseTolerance >= 0)) {
                throw new IllegalArgumentException("lbfgs: relative-decrease-tolerance must be >= 0, got "
                        + relativeDecreaseTolerance);
            }
            if (memory < 1) {
                throw new IllegalArgumentException("lbfgs: memory must be >= 1, got " + memory);
            }
            if (maxLineSearchEvaluations < 1) {
                throw new IllegalArgumentException("lbfgs: max-line-search-evaluations must be >= 1, got "
                        + maxLineSearchEvaluations);
            }
        }

        /**
         * The gradient rule alone (no relative decrease rule), memory 10 and 20 evaluations per line
         * search, the defaults of scipy's L-BFGS-B.
         */
        public static Settings of(int maxIterations, double gradientTolerance) {
            return new Settings(maxIterations, gradientTolerance, 0, 10, 20);
        }

        /**
         * Whether a step from f = {@code previous} to {@code current} meets the relative decrease rule.
         * As in scipy, a step that raised f (possible by rounding under the approximate Wolfe test)
         * meets it too, unless the rule is off.
         */
        boolean stopsOnDecrease(double previous, double current) {
            double scale = Math.max(Math.max(Math.abs(previous), Math.abs(current)), 1.0);
            return relativeDecreaseTolerance > 0 && previous - current <= relativeDecreaseTolerance * scale;
        }

        /** These settings with another relative decrease tolerance (0 turns the rule off). */
        public Settings withRelativeDecreaseTolerance(double tolerance) {
            return new Settings(maxIterations, gradientTolerance, tolerance, memory, maxLineSearchEvaluations);
        }
    }

    /** Why the optimiser stopped. */
    public enum Stop {
        /** The largest gradient component reached the tolerance. */
        CONVERGED,
        /** The last step lowered f by at most the relative decrease tolerance. */
        RELATIVE_DECREASE,
        /** The iteration budget ran out first. */
        MAX_ITERATIONS,
        /**
         * No step lowered the value even along the steepest descent: rounding dominates the remaining
         * decrease, or the gradient does not match the value.
         */
        LINE_SEARCH_FAILED
    }

    /**
     * The outcome of a minimisation.
     *
     * @param solution        the last accepted point (owned by the caller)
     * @param value           f at {@code solution}
     * @param gradientMaxNorm max |∂f/∂xᵢ| at {@code solution} (for {@link OwlQn}: of the pseudo-gradient)
     * @param iterations      accepted steps
     * @param evaluations     calls of the function, the start included
     * @param stop            why it stopped
     */
    public record Result(double[] solution, double value, double gradientMaxNorm, int iterations, int evaluations,
                         Stop stop) {

        /** Whether a stopping rule was met: the gradient tolerance or the relative decrease tolerance. */
        public boolean converged() {
            return stop == Stop.CONVERGED || stop == Stop.RELATIVE_DECREASE;
        }
    }

    /** Told about each accepted step; may throw (e.g. on cancellation) to abandon the minimisation. */
    @FunctionalInterface
    public interface IterationListener {

        /** Ignores every step. */
        IterationListener NONE = (iteration, value, gradientMaxNorm) -> { };

        /** Step {@code iteration} (from 1) reached {@code value} with gradient max-norm {@code gradientMaxNorm}. */
        void iterationDone(int iteration, double value, double gradientMaxNorm);
    }

    /**
     * Minimises {@code function} from {@code start} (not modified), telling {@code listener} (or
     * {@link IterationListener#NONE}) about each step.
     *
     * @throws IllegalArgumentException if the value or gradient at the start is not finite
     */
    public Result minimize(DifferentiableFunction function, double[] start, IterationListener listener) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(listener, "listener");
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = function.valueAndGradient(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            throw new IllegalArgumentException("lbfgs: the function value or gradient at the start is not finite (value "
                    + f + ")");
        }
        StrongWolfeLineSearch lineSearch = new StrongWolfeLineSearch(function, n, settings.maxLineSearchEvaluations());
        CurvatureMemory memory = new CurvatureMemory(settings.memory(), n);
        double[] direction = new double[n];
        double[] xNext = new double[n];
        double[] gNext = new double[n];
        int iterations = 0;
        boolean stalled = false;
        Stop stop;
        while (true) {
            if (maxAbs(g) <= settings.gradientTolerance()) {
                stop = Stop.CONVERGED;
                break;
            }
            if (stalled) {
                stop = Stop.RELATIVE_DECREASE;
                break;
            }
            if (iterations >= settings.maxIterations()) {
                stop = Stop.MAX_ITERATIONS;
                break;
            }
            boolean stepped = tryStep(lineSearch, memory, x, f, g, direction, xNext, gNext);
            if (!stepped && !memory.isEmpty()) {
                // Stale curvature pairs can give a poor direction; start over from steepest descent once.
                memory.clear();
                stepped = tryStep(lineSearch, memory, x, f, g, direction, xNext, gNext);
            }
            if (!stepped) {
                stop = Stop.LINE_SEARCH_FAILED;
                break;
            }
            memory.add(x, xNext, g, gNext);
            double[] swap = x;
            x = xNext;
            xNext = swap;
            swap = g;
            g = gNext;
            gNext = swap;
            double previous = f;
            f = lineSearch.value();
            stalled = settings.stopsOnDecrease(previous, f);
            iterations++;
            listener.iterationDone(iterations, f, maxAbs(g));
        }
        return new Result(x, f, maxAbs(g), iterations, 1 + lineSearch.evaluations(), stop);
    }

    /** One line search along the L-BFGS direction; on success the new point is in xNext/gNext. */
    private static boolean tryStep(StrongWolfeLineSearch lineSearch, CurvatureMemory memory, double[] x, double f,
                                   double[] g, double[] direction, double[] xNext, double[] gNext) {
        memory.direction(g, direction);
        double slope = dot(g, direction);
        if (!(slope < 0)) {
            // Rounding made the quasi-Newton direction useless; the negative gradient always descends.
            memory.clear();
            for (int i = 0; i < g.length; i++) {
                direction[i] = -g[i];
            }
            slope = -dot(g, g);
        }
        // Without curvature information the scale of the direction is unknown: make the first trial
        // step of unit length. Afterwards the two-loop recursion already scales it.
        double initialStep = memory.isEmpty() ? Math.min(1.0, 1.0 / Math.sqrt(dot(direction, direction))) : 1.0;
        return lineSearch.search(x, f, slope, direction, initialStep, xNext, gNext);
    }


    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }

    static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
