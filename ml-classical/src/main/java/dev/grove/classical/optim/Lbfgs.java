package dev.grove.classical.optim;

import java.util.Objects;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Numerical Optimization, algorithm 7.4): the two-loop
 * recursion over the last {@code memory} steps gives a quasi-Newton direction, and a line search
 * satisfying the strong Wolfe conditions picks the step (with Hager &amp; Zhang's approximate form of
 * sufficient decrease once changes of f drown in rounding).
 * Deterministic; float64 throughout.
 *
 * <p>It stops when the largest absolute gradient component is at most the tolerance (the criterion
 * of scipy's L-BFGS-B without bounds, which scikit-learn uses), after the maximum number of
 * iterations, or when no step along a descent direction lowers the value any more.
 */
public final class Lbfgs {

    /** Curvature pairs with s·y at or below this fraction of y·y are dropped (as in L-BFGS-B). */
    private static final double CURVATURE_EPSILON = 2.220446049250313e-16;

    private final Settings settings;

    /** An optimiser with the given settings. */
    public Lbfgs(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * What the optimiser may spend and when it is done.
     *
     * @param maxIterations            iterations (accepted steps) at most; 0 only evaluates the start
     * @param gradientTolerance        converged when max |∂f/∂xᵢ| ≤ this
     * @param memory                   how many recent steps shape the direction
     * @param maxLineSearchEvaluations function evaluations one line search may spend
     */
    public record Settings(int maxIterations, double gradientTolerance, int memory, int maxLineSearchEvaluations) {

        /** Validates the settings. */
        public Settings {
            if (maxIterations < 0) {
                throw new IllegalArgumentException("lbfgs: max-iterations must be >= 0, got " + maxIterations);
            }
            if (!(gradientTolerance >= 0)) {
                throw new IllegalArgumentException("lbfgs: gradient-tolerance must be >= 0, got " + gradientTolerance);
            }
            if (memory < 1) {
                throw new IllegalArgumentException("lbfgs: memory must be >= 1, got " + memory);
            }
            if (maxLineSearchEvaluations < 1) {
                throw new IllegalArgumentException("lbfgs: max-line-search-evaluations must be >= 1, got "
                        + maxLineSearchEvaluations);
            }
        }

        /** Memory 10 and 20 evaluations per line search, the defaults of scipy's L-BFGS-B. */
        public static Settings of(int maxIterations, double gradientTolerance) {
            return new Settings(maxIterations, gradientTolerance, 10, 20);
        }
    }

    /** Why the optimiser stopped. */
    public enum Stop {
        /** The largest gradient component reached the tolerance. */
        CONVERGED,
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
     * @param gradientMaxNorm max |∂f/∂xᵢ| at {@code solution}
     * @param iterations      accepted steps
     * @param evaluations     calls of the function, the start included
     * @param stop            why it stopped
     */
    public record Result(double[] solution, double value, double gradientMaxNorm, int iterations, int evaluations,
                         Stop stop) {

        /** Whether the gradient criterion was met. */
        public boolean converged() {
            return stop == Stop.CONVERGED;
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
        Stop stop;
        while (true) {
            double gradientMaxNorm = maxAbs(g);
            if (gradientMaxNorm <= settings.gradientTolerance()) {
                stop = Stop.CONVERGED;
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
            f = lineSearch.value();
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

    /** The last {@code capacity} curvature pairs (s, y) and the two-loop recursion over them. */
    private static final class CurvatureMemory {
        private final double[][] steps;
        private final double[][] gradientChanges;
        private final double[] inverseCurvatures;
        private final double[] coefficients;
        private int size;
        private int newest = -1;

        CurvatureMemory(int capacity, int n) {
            steps = new double[capacity][n];
            gradientChanges = new double[capacity][n];
            inverseCurvatures = new double[capacity];
            coefficients = new double[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
            newest = -1;
        }

        void add(double[] x, double[] xNext, double[] g, double[] gNext) {
            int slot = (newest + 1) % steps.length;
            double[] s = steps[slot];
            double[] y = gradientChanges[slot];
            for (int i = 0; i < s.length; i++) {
                s[i] = xNext[i] - x[i];
                y[i] = gNext[i] - g[i];
            }
            double sy = dot(s, y);
            double yy = dot(y, y);
            // The update keeps the inverse Hessian approximation positive definite only if s·y > 0.
            if (!(sy > CURVATURE_EPSILON * yy)) {
                return;
            }
            inverseCurvatures[slot] = 1.0 / sy;
            newest = slot;
            size = Math.min(size + 1, steps.length);
        }

        /** direction = −H·g, with H the L-BFGS inverse Hessian approximation (identity when empty). */
        void direction(double[] g, double[] direction) {
            int n = g.length;
            for (int i = 0; i < n; i++) {
                direction[i] = -g[i];
            }
            int capacity = steps.length;
            for (int k = 0; k < size; k++) {
                int slot = Math.floorMod(newest - k, capacity);
                double a = inverseCurvatures[slot] * dot(steps[slot], direction);
                coefficients[slot] = a;
                axpy(-a, gradientChanges[slot], direction);
            }
            if (size > 0) {
                double[] y = gradientChanges[newest];
                double scale = 1.0 / (inverseCurvatures[newest] * dot(y, y));
                for (int i = 0; i < n; i++) {
                    direction[i] *= scale;
                }
            }
            for (int k = size - 1; k >= 0; k--) {
                int slot = Math.floorMod(newest - k, capacity);
                double b = inverseCurvatures[slot] * dot(gradientChanges[slot], direction);
                axpy(coefficients[slot] - b, steps[slot], direction);
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
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
