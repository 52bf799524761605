package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.LogSumExp;
import dev.grove.classical.internal.LogisticObjective;
import dev.grove.classical.internal.StateChecks;

/**
 * A fitted logistic regression: immutable and safe to share between threads. For two classes it
 * holds one weight row w, and P(class 1 | x) = σ(w·x + b); for more, one row per class, and the
 * probabilities are the softmax of the rows' scores.
 *
 * <p>{@link #state()} holds arrays {@code coef} (weight rows × features) and {@code intercept}
 * (weight rows), and attributes {@code n-iter} and {@code converged}.
 */
public final class LogisticRegressionModel implements Classifier {

    private final Schema schema;
    private final double[][] coefficients;
    private final double[] intercepts;
    private final int nIter;
    private final boolean converged;

    LogisticRegressionModel(Schema schema, double[][] coefficients, double[] intercepts, int nIter, boolean converged) {
        this.schema = schema;
        this.coefficients = coefficients;
        this.intercepts = intercepts;
        this.nIter = nIter;
        this.converged = converged;
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on (the component's
     * restorer; the params do not affect prediction).
     *
     * @throws IllegalArgumentException if an array is missing, has the wrong shape or holds non-finite values
     */
    public static LogisticRegressionModel restore(LogisticRegressionParams params, Schema schema, ModelState state) {
        String component = LogisticRegression.NAME;
        int weightRows = StateChecks.linearClassifierRows(component, schema);
        int features = schema.featureCount();
        double[] flat = StateChecks.finite(component, "coef", state.doubles("coef", weightRows, features));
        double[][] coefficients = new double[weightRows][features];
        for (int r = 0; r < weightRows; r++) {
            System.arraycopy(flat, r * features, coefficients[r], 0, features);
        }
        double[] intercepts = StateChecks.finite(component, "intercept", state.doubles("intercept", weightRows));
        return new LogisticRegressionModel(schema, coefficients, intercepts, StateChecks.count(component, state, "n-iter"),
                StateChecks.flag(component, state, "converged"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The feature weights: one row (for class 1) with two classes, else one row per class. A copy. */
    public double[][] coefficients() {
        double[][] out = new double[coefficients.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = coefficients[r].clone();
        }
        return out;
    }

    /** The intercept of each weight row (zeros if none were fitted). A copy. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** Iterations (L-BFGS or OWL-QN) the fit took. */
    public int nIter() {
        return nIter;
    }

    /** Whether the fit met a stopping rule (gradient or relative decrease tolerance) before max-iter. */
    public boolean converged() {
        return converged;
    }

    @Override
    public ModelState state() {
        int features = schema.featureCount();
        double[] flat = new double[coefficients.length * features];
        for (int r = 0; r < coefficients.length; r++) {
            System.arraycopy(coefficients[r], 0, flat, r * features, features);
        }
        return ModelState.builder()
                .put("coef", flat, coefficients.length, features)
                .put("intercept", intercepts, intercepts.length)
                .attribute("n-iter", Integer.toString(nIter))
                .attribute("converged", Boolean.toString(converged))
                .build();
    }

    @Override
    public int[] predict(Dataset data) {
        double[] x = features(data);
        int rows = data.rows();
        int[] out = new int[rows];
        double[] scores = new double[coefficients.length];
        for (int i = 0; i < rows; i++) {
            scores(x, i, scores);
            out[i] = coefficients.length == 1 ? (scores[0] > 0 ? 1 : 0) : LogSumExp.argMax(scores);
        }
        return out;
    }

    @Override
    public double[][] predictProba(Dataset data) {
        double[] x = features(data);
        int rows = data.rows();
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            double[] scores = new double[coefficients.length];
            scores(x, i, scores);
            if (coefficients.length == 1) {
                // σ(−z) rather than 1 − σ(z), so a tiny class-0 probability keeps its digits.
                out[i] = new double[] {LogisticObjective.sigmoid(-scores[0]), LogisticObjective.sigmoid(scores[0])};
            } else {
                LogSumExp.softmaxInPlace(scores);
                out[i] = scores;
            }
        }
        return out;
    }

    private double[] features(Dataset data) {
        checkColumns(data);
        return Inputs.finiteFeatures(LogisticRegression.NAME, data);
    }

    private void scores(double[] x, int row, double[] into) {
        int features = schema.featureCount();
        int offset = row * features;
        for (int r = 0; r < coefficients.length; r++) {
            double[] w = coefficients[r];
            double z = intercepts[r];
            for (int j = 0; j < features; j++) {
                z += w[j] * x[offset + j];
            }
            into[r] = z;
        }
    }

    @Override
    public String toString() {
        return "LogisticRegressionModel[" + schema.classLabels().size() + " classes × " + schema.featureCount()
                + " features, " + nIter + " iterations, " + (converged ? "converged" : "not converged") + "]";
    }
}
