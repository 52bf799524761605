package dev.grove.classical.svm;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.LogSumExp;
import dev.grove.classical.internal.LogisticObjective;
import dev.grove.classical.internal.StateChecks;
import java.util.Arrays;

/**
 * A fitted linear SVM, laid out as scikit-learn's {@code LinearSVC}: immutable and safe to share
 * between threads. It knows the classes that had training rows ({@link #classes()}, ascending) and
 * holds one weight row per class of those (the margin w·x + b of the class against the rest), or a
 * single row for two classes, whose positive margin means the second class.
 *
 * <p>{@link #predictProba} is <strong>not calibrated</strong>: the "probabilities" are the softmax of
 * the margins (σ(margin) for the second of two classes). They rank the classes like the margins but
 * are no estimate of the chance of being right. Classes without training rows get probability 0.
 *
 * <p>{@link #state()} holds arrays {@code coef} (weight rows × features), {@code intercept} (weight
 * rows) and {@code classes}, and attributes {@code n-iter} (the most passes any problem took) and
 * {@code converged}.
 */
public final class LinearSvmModel implements Classifier {

    private final Schema schema;
    private final int[] classes;
    private final double[][] coefficients;
    private final double[] intercepts;
    private final int nIter;
    private final boolean converged;

    LinearSvmModel(Schema schema, int[] classes, double[][] coefficients, double[] intercepts, int nIter, boolean converged) {
        this.schema = schema;
        this.classes = classes;
        this.coefficients = coefficients;
        this.intercepts = intercepts;
        this.nIter = nIter;
        this.converged = converged;
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on (the component's
     * restorer; the params do not affect prediction).
     *
     * @throws IllegalArgumentException if an array or attribute is missing, malformed or inconsistent
     */
    public static LinearSvmModel restore(LinearSvmParams params, Schema schema, ModelState state) {
        String component = LinearSvm.NAME;
        int labelCount = StateChecks.classCount(component, schema);
        double[] classValues = state.doubles("classes");
        int[] classes = new int[classValues.length];
        for (int a = 0; a < classes.length; a++) {
            double v = classValues[a];
            if (v != Math.rint(v) || v < 0 || v >= labelCount || (a > 0 && v <= classes[a - 1])) {
                throw new IllegalArgumentException(component + ": model state array 'classes' holds " + v + " at index " + a
                        + "; expected increasing class indices in [0, " + labelCount + ")");
            }
            classes[a] = (int) v;
        }
        if (classes.length < 2) {
            throw new IllegalArgumentException(component + ": model state array 'classes' names " + classes.length
                    + " class(es); a model needs at least 2");
        }
        int rows = classes.length == 2 ? 1 : classes.length;
        int features = schema.featureCount();
        double[] flat = StateChecks.finite(component, "coef", state.doubles("coef", rows, features));
        double[][] coefficients = new double[rows][];
        for (int r = 0; r < rows; r++) {
            coefficients[r] = Arrays.copyOfRange(flat, r * features, (r + 1) * features);
        }
        double[] intercepts = StateChecks.finite(component, "intercept", state.doubles("intercept", rows));
        return new LinearSvmModel(schema, classes, coefficients, intercepts, StateChecks.count(component, state, "n-iter"),
                StateChecks.flag(component, state, "converged"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The schema indices of the classes that had training rows, ascending. */
    public int[] classes() {
        return classes.clone();
    }

    /** The weight rows: one per class of {@link #classes()}, or one for two classes. A copy. */
    public double[][] coefficients() {
        double[][] out = new double[coefficients.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = coefficients[r].clone();
        }
        return out;
    }

    /** The intercept of each weight row (zeros if none was fitted). A copy. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** The most passes over the data any of the binary problems took. */
    public int nIter() {
        return nIter;
    }

    /** Whether every binary problem met the tolerance before max-iter. */
    public boolean converged() {
        return converged;
    }

    /** The margins w·x + b: a row per data row, a column per weight row (one column for two classes). */
    public double[][] decisionFunction(Dataset data) {
        checkColumns(data);
        double[] x = Inputs.finiteFeatures(LinearSvm.NAME, data);
        int features = schema.featureCount();
        double[][] out = new double[data.rows()][coefficients.length];
        for (int i = 0; i < out.length; i++) {
            for (int r = 0; r < coefficients.length; r++) {
                double[] w = coefficients[r];
                double margin = intercepts[r];
                for (int f = 0, offset = i * features; f < features; f++) {
                    margin += w[f] * x[offset + f];
                }
                out[i][r] = margin;
            }
        }
        return out;
    }

    @Override
    public int[] predict(Dataset data) {
        double[][] margins = decisionFunction(data);
        int[] out = new int[margins.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = classes[coefficients.length == 1 ? (margins[i][0] > 0 ? 1 : 0) : LogSumExp.argMax(margins[i])];
        }
        return out;
    }

    /** Uncalibrated class scores summing to 1 — see the class documentation. One column per schema class. */
    @Override
    public double[][] predictProba(Dataset data) {
        double[][] margins = decisionFunction(data);
        double[][] out = new double[margins.length][schema.classLabels().size()];
        for (int i = 0; i < out.length; i++) {
            if (coefficients.length == 1) {
                out[i][classes[0]] = LogisticObjective.sigmoid(-margins[i][0]);
                out[i][classes[1]] = LogisticObjective.sigmoid(margins[i][0]);
            } else {
                double[] scores = margins[i];
                LogSumExp.softmaxInPlace(scores);
                for (int a = 0; a < classes.length; a++) {
                    out[i][classes[a]] = scores[a];
                }
            }
        }
        return out;
    }

    @Override
    public ModelState state() {
        int features = schema.featureCount();
        double[] flat = new double[coefficients.length * features];
        double[] classValues = new double[classes.length];
        for (int r = 0; r < coefficients.length; r++) {
            System.arraycopy(coefficients[r], 0, flat, r * features, features);
        }
        for (int a = 0; a < classes.length; a++) {
            classValues[a] = classes[a];
        }
        return ModelState.builder()
                .put("coef", flat, coefficients.length, features)
                .put("intercept", intercepts, intercepts.length)
                .put("classes", classValues, classValues.length)
                .attribute("n-iter", Integer.toString(nIter))
                .attribute("converged", Boolean.toString(converged))
                .build();
    }

    @Override
    public String toString() {
        return "LinearSvmModel[" + classes.length + " classes × " + schema.featureCount() + " features, " + nIter
                + " passes, " + (converged ? "converged" : "not converged") + "]";
    }
}
