package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.StateChecks;

/**
 * A fitted perceptron: immutable and safe to share between threads. With two classes one neuron
 * predicts class 1 when w·x + b &gt; 0 (the Heaviside step) and class 0 otherwise; with more, the class
 * of the neuron with the largest activation wins.
 *
 * <p>A perceptron outputs decisions, not probabilities. {@link #predictProba} therefore returns the
 * one-hot vector of the predicted class (1 for it, 0 for the others): the rows sum to 1 and agree
 * with {@link #predict} as the {@link Classifier} contract asks, but they carry no confidence, so
 * probability metrics such as log-loss or ROC AUC say little about this model.
 *
 * <p>{@link #state()} holds arrays {@code coef} (neurons × features) and {@code intercept} (neurons),
 * and attributes {@code n-iter} (epochs run) and {@code converged} (whether the last epoch made no mistakes).
 */
public final class PerceptronModel implements Classifier {

    private final Schema schema;
    private final double[] weights;
    private final double[] biases;
    private final int nIter;
    private final boolean converged;

    PerceptronModel(Schema schema, double[] weights, double[] biases, int nIter, boolean converged) {
        this.schema = schema;
        this.weights = weights;
        this.biases = biases;
        this.nIter = nIter;
        this.converged = converged;
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or not finite
     */
    public static PerceptronModel restore(PerceptronParams params, Schema schema, ModelState state) {
        String component = Perceptron.NAME;
        int neurons = StateChecks.linearClassifierRows(component, schema);
        double[] weights = StateChecks.finite(component, "coef", state.doubles("coef", neurons, schema.featureCount()));
        double[] biases = StateChecks.finite(component, "intercept", state.doubles("intercept", neurons));
        return new PerceptronModel(schema, weights, biases, StateChecks.count(component, state, "n-iter"),
                StateChecks.flag(component, state, "converged"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The weights: one row (the neuron for class 1) with two classes, else one row per class. A copy. */
    public double[][] coefficients() {
        int features = schema.featureCount();
        double[][] out = new double[biases.length][features];
        for (int r = 0; r < out.length; r++) {
            System.arraycopy(weights, r * features, out[r], 0, features);
        }
        return out;
    }

    /** The bias of each neuron. A copy. */
    public double[] intercepts() {
        return biases.clone();
    }

    /** Epochs the fit ran. */
    public int nIter() {
        return nIter;
    }

    /** Whether the last epoch made no mistakes (the training rows are separated). */
    public boolean converged() {
        return converged;
    }

    @Override
    public ModelState state() {
        return ModelState.builder()
                .put("coef", weights, biases.length, schema.featureCount())
                .put("intercept", biases)
                .attribute("n-iter", Integer.toString(nIter))
                .attribute("converged", Boolean.toString(converged))
                .build();
    }

    /**
     * The activation w·x + b of each neuron for each row: one column with two classes (positive means
     * class 1), else one per class.
     *
     * @throws IllegalArgumentException if the columns differ from the training data's or a value is not finite
     */
    public double[][] decisionFunction(Dataset data) {
        checkColumns(data);
        double[] x = Inputs.finiteFeatures(Perceptron.NAME, data);
        int features = schema.featureCount();
        double[][] out = new double[data.rows()][biases.length];
        for (int i = 0; i < out.length; i++) {
            int offset = i * features;
            for (int r = 0; r < biases.length; r++) {
                int base = r * features;
                double activation = biases[r];
                for (int j = 0; j < features; j++) {
                    activation += weights[base + j] * x[offset + j];
                }
                out[i][r] = activation;
            }
        }
        return out;
    }

    @Override
    public int[] predict(Dataset data) {
        double[][] activations = decisionFunction(data);
        int[] out = new int[activations.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = decide(activations[i]);
        }
        return out;
    }

    /** One-hot rows of the predicted class; see the class comment for why. */
    @Override
    public double[][] predictProba(Dataset data) {
        int[] predicted = predict(data);
        double[][] out = new double[predicted.length][schema.classLabels().size()];
        for (int i = 0; i < out.length; i++) {
            out[i][predicted[i]] = 1;
        }
        return out;
    }

    private static int decide(double[] activations) {
        if (activations.length == 1) {
            return activations[0] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int r = 1; r < activations.length; r++) {
            if (activations[r] > activations[best]) {
                best = r;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "PerceptronModel[" + schema.classLabels().size() + " classes × " + schema.featureCount() + " features, "
                + nIter + " epochs, " + (converged ? "converged" : "not converged") + "]";
    }
}
