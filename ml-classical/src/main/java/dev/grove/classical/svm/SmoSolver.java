package dev.grove.classical.svm;

/**
 * libsvm's SMO solver for the binary C-SVC dual
 * <pre>
 *   minimise ½ αᵀQα − Σ α_i   subject to   yᵀα = 0,  0 ≤ α_i ≤ C,
 * </pre>
 * with second-order working-set selection (WSS3 of Fan, Chen &amp; Lin, JMLR 2005) and libsvm's
 * shrinking: every min(size, 1000) iterations, variables stuck at a bound whose gradient says they
 * stay there leave the active set; once the violation falls below 10·tol the whole gradient is
 * rebuilt and they all come back once, and the solver never stops before checking the full problem.
 * Step by step the same computation as libsvm 3.x (and so scikit-learn's {@code SVC}), so it takes
 * the same path up to rounding.
 *
 * <p>One solver solves one problem; it is not thread-safe.
 */
final class SmoSolver {

    /** The solution of one binary problem. */
    record Solution(double[] signedAlpha, double rho, double objective, int iterations, boolean converged) {
    }

    /** Stands in for a non-positive curvature, as libsvm's TAU. */
    private static final double TAU = 1e-12;
    private static final byte LOWER = 0;
    private static final byte UPPER = 1;
    private static final byte FREE = 2;

    private final KernelMatrix q;
    private final int size;
    private final double c;
    private final double tol;
    private final int maxIter;
    private final Runnable cancellationCheck;

    private final double[] diagonal;
    private final double[] alpha;
    private final byte[] status;
    private final double[] gradient;
    /** Σ over variables at the upper bound of C·Q_ij: the part of the gradient shrunk variables need. */
    private final double[] gradientBar;
    private final int[] activeSet;
    private int activeSize;
    private boolean unshrunk;

    /**
     * A solver for the problem of {@code q} with bound {@code c}, stopping at violation {@code tol} or
     * after {@code maxIter} iterations (0: no limit), calling {@code cancellationCheck} now and then.
     */
    SmoSolver(KernelMatrix q, double c, double tol, int maxIter, Runnable cancellationCheck) {
        this.q = q;
        this.size = q.size();
        this.c = c;
        this.tol = tol;
        this.maxIter = maxIter;
        this.cancellationCheck = cancellationCheck;
        this.diagonal = q.diagonal();
        this.alpha = new double[size];
        this.status = new byte[size];
        this.gradient = new double[size];
        this.gradientBar = new double[size];
        this.activeSet = new int[size];
        for (int i = 0; i < size; i++) {
            // α = 0: every variable at the lower bound, gradient Qα − 1 = −1.
            gradient[i] = -1;
            activeSet[i] = i;
        }
        this.activeSize = size;
    }

    /** Solves from α = 0. */
    Solution solve() {
        int iterations = 0;
        int counter = Math.min(size, 1000) + 1;
        int[] pair = new int[2];
        boolean converged = true;
        while (true) {
            if (maxIter > 0 && iterations >= maxIter) {
                converged = false;
                break;
            }
            if (--counter == 0) {
                counter = Math.min(size, 1000);
                cancellationCheck.run();
                shrink();
            }
            if (selectWorkingSet(pair)) {
                reconstructGradient();
                activeSize = size;
                if (selectWorkingSet(pair)) {
                    break;
                }
                counter = 1;
            }
            iterations++;
            step(pair[0], pair[1]);
        }
        if (activeSize < size) {
            reconstructGradient();
            activeSize = size;
        }
        double rho = rho();
        double objective = 0;
        for (int i = 0; i < size; i++) {
            objective += alpha[i] * (gradient[i] - 1);
        }
        double[] signed = new double[size];
        for (int i = 0; i < size; i++) {
            signed[activeSet[i]] = alpha[i] * q.label(i);
        }
        return new Solution(signed, rho, objective / 2, iterations, converged);
    }

    /** One SMO step on the pair (i, j): the analytic optimum along yᵀα = 0, clipped to the box. */
    private void step(int i, int j) {
        float[] qi = q.row(i, activeSize);
        float[] qj = q.row(j, activeSize);
        double oldAlphaI = alpha[i];
        double oldAlphaJ = alpha[j];
        if (q.label(i) != q.label(j)) {
            double curvature = diagonal[i] + diagonal[j] + 2 * qi[j];
            if (curvature <= 0) {
                curvature = TAU;
            }
            double delta = (-gradient[i] - gradient[j]) / curvature;
            double difference = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (difference > 0) {
                if (alpha[j] < 0) {
                    alpha[j] = 0;
                    alpha[i] = difference;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = -difference;
            }
            // Both bounds are c, so libsvm's test "difference > C_i − C_j" is "difference > 0".
            if (difference > 0) {
                if (alpha[i] > c) {
                    alpha[i] = c;
                    alpha[j] = c - difference;
                }
            } else if (alpha[j] > c) {
                alpha[j] = c;
                alpha[i] = c + difference;
            }
        } else {
            double curvature = diagonal[i] + diagonal[j] - 2 * qi[j];
            if (curvature <= 0) {
                curvature = TAU;
            }
            double delta = (gradient[i] - gradient[j]) / curvature;
            double sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c) {
                if (alpha[i] > c) {
                    alpha[i] = c;
                    alpha[j] = sum - c;
                }
            } else if (alpha[j] < 0) {
                alpha[j] = 0;
                alpha[i] = sum;
            }
            if (sum > c) {
                if (alpha[j] > c) {
                    alpha[j] = c;
                    alpha[i] = sum - c;
                }
            } else if (alpha[i] < 0) {
                alpha[i] = 0;
                alpha[j] = sum;
            }
        }
        double deltaI = alpha[i] - oldAlphaI;
        double deltaJ = alpha[j] - oldAlphaJ;
        double[] g = gradient;
        for (int k = 0; k < activeSize; k++) {
            g[k] += qi[k] * deltaI + qj[k] * deltaJ;
        }
        updateBoundTerm(i);
        updateBoundTerm(j);
    }

    /** Updates α_i's status and, when it reached or left the upper bound, the bound part of the gradient. */
    private void updateBoundTerm(int i) {
        boolean wasUpper = status[i] == UPPER;
        updateStatus(i);
        boolean isUpper = status[i] == UPPER;
        if (wasUpper != isUpper) {
            float[] qi = q.row(i, size);
            double change = isUpper ? c : -c;
            for (int k = 0; k < size; k++) {
                gradientBar[k] += change * qi[k];
            }
        }
    }

    private void updateStatus(int i) {
        status[i] = alpha[i] >= c ? UPPER : alpha[i] <= 0 ? LOWER : FREE;
    }

    /**
     * WSS3: i maximises −y_i ∇f_i over the variables that may move up; j, among those that may move
     * down with a smaller value, gives the largest decrease of a second-order model of the objective.
     * Returns true when the violation is below tol (optimal on the active set).
     */
    private boolean selectWorkingSet(int[] pair) {
        double gMax = Double.NEGATIVE_INFINITY;
        double gMax2 = Double.NEGATIVE_INFINITY;
        int gMaxIndex = -1;
        int gMinIndex = -1;
        double objectiveDecreaseMin = Double.POSITIVE_INFINITY;
        for (int t = 0; t < activeSize; t++) {
            if (q.label(t) == 1) {
                if (status[t] != UPPER && -gradient[t] >= gMax) {
                    gMax = -gradient[t];
                    gMaxIndex = t;
                }
            } else if (status[t] != LOWER && gradient[t] >= gMax) {
                gMax = gradient[t];
                gMaxIndex = t;
            }
        }
        int i = gMaxIndex;
        float[] qi = i != -1 ? q.row(i, activeSize) : null;
        byte yi = i != -1 ? q.label(i) : 0;
        double diagonalI = i != -1 ? diagonal[i] : 0;
        for (int j = 0; j < activeSize; j++) {
            if (q.label(j) == 1) {
                if (status[j] != LOWER) {
                    double gradientDifference = gMax + gradient[j];
                    if (gradient[j] >= gMax2) {
                        gMax2 = gradient[j];
                    }
                    if (gradientDifference > 0) {
                        double curvature = diagonalI + diagonal[j] - 2.0 * yi * qi[j];
                        double decrease = -(gradientDifference * gradientDifference) / (curvature > 0 ? curvature : TAU);
                        if (decrease <= objectiveDecreaseMin) {
                            gMinIndex = j;
                            objectiveDecreaseMin = decrease;
                        }
                    }
                }
            } else if (status[j] != UPPER) {
                double gradientDifference = gMax - gradient[j];
                if (-gradient[j] >= gMax2) {
                    gMax2 = -gradient[j];
                }
                if (gradientDifference > 0) {
                    double curvature = diagonalI + diagonal[j] + 2.0 * yi * qi[j];
                    double decrease = -(gradientDifference * gradientDifference) / (curvature > 0 ? curvature : TAU);
                    if (decrease <= objectiveDecreaseMin) {
                        gMinIndex = j;
                        objectiveDecreaseMin = decrease;
                    }
                }
            }
        }
        if (gMax + gMax2 < tol || gMinIndex == -1) {
            return true;
        }
        pair[0] = gMaxIndex;
        pair[1] = gMinIndex;
        return false;
    }

    /** Whether variable i, at a bound, is so far inside the optimality conditions that it can be set aside. */
    private boolean canShrink(int i, double gMax1, double gMax2) {
        if (status[i] == UPPER) {
            return q.label(i) == 1 ? -gradient[i] > gMax1 : -gradient[i] > gMax2;
        }
        if (status[i] == LOWER) {
            return q.label(i) == 1 ? gradient[i] > gMax2 : gradient[i] > gMax1;
        }
        return false;
    }

    private void shrink() {
        double gMax1 = Double.NEGATIVE_INFINITY;
        double gMax2 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < activeSize; i++) {
            if (q.label(i) == 1) {
                if (status[i] != UPPER && -gradient[i] >= gMax1) {
                    gMax1 = -gradient[i];
                }
                if (status[i] != LOWER && gradient[i] >= gMax2) {
                    gMax2 = gradient[i];
                }
            } else {
                if (status[i] != UPPER && -gradient[i] >= gMax2) {
                    gMax2 = -gradient[i];
                }
                if (status[i] != LOWER && gradient[i] >= gMax1) {
                    gMax1 = gradient[i];
                }
            }
        }
        if (!unshrunk && gMax1 + gMax2 <= tol * 10) {
            // Close to the end: bring every variable back once, so none stays out on a stale gradient.
            unshrunk = true;
            reconstructGradient();
            activeSize = size;
        }
        for (int i = 0; i < activeSize; i++) {
            if (canShrink(i, gMax1, gMax2)) {
                activeSize--;
                while (activeSize > i) {
                    if (!canShrink(activeSize, gMax1, gMax2)) {
                        swap(i, activeSize);
                        break;
                    }
                    activeSize--;
                }
            }
        }
    }

    private void swap(int i, int j) {
        q.swap(i, j);
        double a = alpha[i];
        alpha[i] = alpha[j];
        alpha[j] = a;
        byte s = status[i];
        status[i] = status[j];
        status[j] = s;
        double g = gradient[i];
        gradient[i] = gradient[j];
        gradient[j] = g;
        double bar = gradientBar[i];
        gradientBar[i] = gradientBar[j];
        gradientBar[j] = bar;
        int index = activeSet[i];
        activeSet[i] = activeSet[j];
        activeSet[j] = index;
    }

    /** Rebuilds the gradient of the inactive variables from the bound part and the free variables. */
    private void reconstructGradient() {
        if (activeSize == size) {
            return;
        }
        for (int j = activeSize; j < size; j++) {
            gradient[j] = gradientBar[j] - 1;
        }
        int free = 0;
        for (int j = 0; j < activeSize; j++) {
            if (status[j] == FREE) {
                free++;
            }
        }
        // Whichever way touches fewer kernel values: inactive rows over the active part, or free rows over the inactive part.
        if ((long) free * size > 2L * activeSize * (size - activeSize)) {
            for (int i = activeSize; i < size; i++) {
                float[] qi = q.row(i, activeSize);
                double sum = gradient[i];
                for (int j = 0; j < activeSize; j++) {
                    if (status[j] == FREE) {
                        sum += alpha[j] * qi[j];
                    }
                }
                gradient[i] = sum;
            }
        } else {
            for (int i = 0; i < activeSize; i++) {
                if (status[i] == FREE) {
                    float[] qi = q.row(i, size);
                    double alphaI = alpha[i];
                    for (int j = activeSize; j < size; j++) {
                        gradient[j] += alphaI * qi[j];
                    }
                }
            }
        }
    }

    /** The bias term ρ: the mean of y_i ∇f_i over free variables, or the middle of its feasible range. */
    private double rho() {
        int free = 0;
        double upper = Double.POSITIVE_INFINITY;
        double lower = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        for (int i = 0; i < activeSize; i++) {
            double yG = q.label(i) * gradient[i];
            if (status[i] == UPPER) {
                if (q.label(i) == -1) {
                    upper = Math.min(upper, yG);
                } else {
                    lower = Math.max(lower, yG);
                }
            } else if (status[i] == LOWER) {
                if (q.label(i) == 1) {
                    upper = Math.min(upper, yG);
                } else {
                    lower = Math.max(lower, yG);
                }
            } else {
                free++;
                sumFree += yG;
            }
        }
        return free > 0 ? sumFree / free : (upper + lower) / 2;
    }
}
