package dev.grove.classical.svm;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.StateChecks;
import java.util.Arrays;

/**
 * Turns pairwise SMO solutions into an {@link SvmModel} laid out as libsvm's model and scikit-learn's
 * {@code SVC} attributes, and the model into and out of a {@link ModelState}.
 */
final class SupportVectors {

    private SupportVectors() {
    }

    /**
     * The model of the pairwise {@code solutions} (pair order (0,1), (0,2), …), each over the rows of
     * its first class and then of its second, as libsvm's {@code svm_train} collects them: a training
     * row is a support vector if any pair gave it a non-zero coefficient; for pair (a, b) the
     * coefficients of class a go to row b − 1 of the dual matrix and those of class b to row a.
     */
    static SvmModel assemble(Schema schema, Kernel kernel, double[] x, int features, int[] classes, int[][] members,
                             SmoSolver.Solution[] solutions) {
        int k = classes.length;
        boolean[][] nonZero = new boolean[k][];
        for (int a = 0; a < k; a++) {
            nonZero[a] = new boolean[members[a].length];
        }
        for (int a = 0, p = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++, p++) {
                double[] alpha = solutions[p].signedAlpha();
                int firstCount = members[a].length;
                for (int r = 0; r < firstCount; r++) {
                    nonZero[a][r] |= alpha[r] != 0;
                }
                for (int r = 0; r < members[b].length; r++) {
                    nonZero[b][r] |= alpha[firstCount + r] != 0;
                }
            }
        }
        int[] counts = new int[k];
        int[] starts = new int[k];
        int total = 0;
        for (int a = 0; a < k; a++) {
            starts[a] = total;
            for (boolean flag : nonZero[a]) {
                if (flag) {
                    counts[a]++;
                }
            }
            total += counts[a];
        }
        int[] supportIndices = new int[total];
        double[] supportVectors = new double[total * features];
        for (int a = 0, s = 0; a < k; a++) {
            for (int r = 0; r < members[a].length; r++) {
                if (nonZero[a][r]) {
                    supportIndices[s] = members[a][r];
                    System.arraycopy(x, members[a][r] * features, supportVectors, s * features, features);
                    s++;
                }
            }
        }
        double[][] dual = new double[k - 1][total];
        double[] intercepts = new double[solutions.length];
        int[] iterations = new int[solutions.length];
        boolean converged = true;
        for (int a = 0, p = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++, p++) {
                double[] alpha = solutions[p].signedAlpha();
                int q = starts[a];
                for (int r = 0; r < members[a].length; r++) {
                    if (nonZero[a][r]) {
                        dual[b - 1][q++] = alpha[r];
                    }
                }
                q = starts[b];
                for (int r = 0; r < members[b].length; r++) {
                    if (nonZero[b][r]) {
                        dual[a][q++] = alpha[members[a].length + r];
                    }
                }
                // scikit-learn's intercept_ is −ρ, with −0.0 written as 0.
                intercepts[p] = solutions[p].rho() == 0 ? 0 : -solutions[p].rho();
                iterations[p] = solutions[p].iterations();
                converged &= solutions[p].converged();
            }
        }
        if (k == 2) {
            // As scikit-learn: turn the binary signs so that a positive decision value means the second class.
            for (int s = 0; s < total; s++) {
                dual[0][s] = -dual[0][s];
            }
            intercepts[0] = -intercepts[0] + 0.0;
        }
        return new SvmModel(schema, kernel, classes, counts, supportIndices, supportVectors, dual, intercepts, iterations,
                converged);
    }

    /** The state of a model; see {@link SvmModel}. */
    static ModelState state(Schema schema, Kernel kernel, int[] classes, int[] counts, int[] supportIndices,
                            double[] supportVectors, double[][] dual, double[] intercepts, int[] iterations, boolean converged) {
        int total = supportIndices.length;
        double[] flatDual = new double[dual.length * total];
        for (int r = 0; r < dual.length; r++) {
            System.arraycopy(dual[r], 0, flatDual, r * total, total);
        }
        return ModelState.builder()
                .put("support-vectors", supportVectors, total, schema.featureCount())
                .put("dual-coef", flatDual, dual.length, total)
                .put("intercept", intercepts, intercepts.length)
                .put("n-support", toDoubles(counts), counts.length)
                .put("support", toDoubles(supportIndices), total)
                .put("classes", toDoubles(classes), classes.length)
                .put("n-iter", toDoubles(iterations), iterations.length)
                .attribute("kernel", kernel.type.paramName())
                .attribute("gamma", Double.toString(kernel.gamma))
                .attribute("degree", Integer.toString(kernel.degree))
                .attribute("coef0", Double.toString(kernel.coef0))
                .attribute("converged", Boolean.toString(converged))
                .build();
    }

    /** The model {@link #state} describes, checked throughout. */
    static SvmModel restore(Schema schema, ModelState state) {
        String component = Svm.NAME;
        int labelCount = StateChecks.classCount(component, schema);
        int features = schema.featureCount();
        int[] classes = wholeNumbers(component, "classes", state.doubles("classes"), labelCount);
        int k = classes.length;
        if (k < 2) {
            throw new IllegalArgumentException(component + ": model state array 'classes' names " + k
                    + " class(es); a model needs at least 2");
        }
        for (int a = 1; a < k; a++) {
            if (classes[a] <= classes[a - 1]) {
                throw new IllegalArgumentException(component + ": model state array 'classes' must be strictly increasing, got "
                        + Arrays.toString(classes));
            }
        }
        int[] counts = wholeNumbers(component, "n-support", state.doubles("n-support", k), Integer.MAX_VALUE);
        long total = 0;
        for (int count : counts) {
            total += count;
        }
        if (total > Integer.MAX_VALUE / Math.max(1, Math.max(features, k))) {
            throw new IllegalArgumentException(component + ": model state array 'n-support' sums to " + total
                    + " support vectors, too many");
        }
        int n = (int) total;
        int pairs = k * (k - 1) / 2;
        double[] supportVectors = StateChecks.finite(component, "support-vectors", state.doubles("support-vectors", n, features));
        double[] flatDual = StateChecks.finite(component, "dual-coef", state.doubles("dual-coef", k - 1, n));
        double[][] dual = new double[k - 1][n];
        for (int r = 0; r < k - 1; r++) {
            System.arraycopy(flatDual, r * n, dual[r], 0, n);
        }
        double[] intercepts = StateChecks.finite(component, "intercept", state.doubles("intercept", pairs));
        int[] supportIndices = wholeNumbers(component, "support", state.doubles("support", n), Integer.MAX_VALUE);
        int[] iterations = wholeNumbers(component, "n-iter", state.doubles("n-iter", pairs), Integer.MAX_VALUE);
        return new SvmModel(schema, kernel(component, state), classes, counts, supportIndices, supportVectors, dual,
                intercepts, iterations, StateChecks.flag(component, state, "converged"));
    }

    private static Kernel kernel(String component, ModelState state) {
        String name = state.attribute("kernel");
        Kernel.Type type = switch (name) {
            case "linear", "rbf", "poly", "sigmoid" -> Kernel.Type.named(name);
            default -> throw new IllegalArgumentException(component + ": model state attribute 'kernel' is '" + name
                    + "'; expected linear, rbf, poly or sigmoid");
        };
        double gamma = StateChecks.nonNegative(component, state, "gamma");
        int degree = StateChecks.count(component, state, "degree");
        String coef0Text = state.attribute("coef0");
        double coef0;
        try {
            coef0 = Double.parseDouble(coef0Text);
        } catch (NumberFormatException e) {
            coef0 = Double.NaN;
        }
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException(component + ": model state attribute 'coef0' is '" + coef0Text
                    + "'; expected a finite number");
        }
        return new Kernel(type, gamma, degree, coef0);
    }

    /** The values of array {@code name} as whole numbers in [0, limit). */
    private static int[] wholeNumbers(String component, String name, double[] values, int limit) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < 0 || v >= limit) {
                throw new IllegalArgumentException(component + ": model state array '" + name + "' holds " + v + " at index "
                        + i + "; expected a whole number in [0, " + limit + ")");
            }
            out[i] = (int) v;
        }
        return out;
    }

    private static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
