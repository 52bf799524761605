package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Regressor;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.StateChecks;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * A fitted linear regressor, ŷ = x·coef + intercept, as {@code linear-regression}, {@code ridge},
 * {@code lasso} and {@code elastic-net} produce: immutable and safe to share between threads.
 *
 * <p>{@link #state()} holds array {@code coef} (features) and scalar {@code intercept}; a
 * least-squares fit adds attribute {@code rank} (the numerical rank of its centred features), and a
 * coordinate-descent fit adds {@code n-iter} and {@code converged}.
 */
public final class LinearModel implements Regressor {

    private final String component;
    private final Schema schema;
    private final double[] coef;
    private final double intercept;
    private final int rank;
    private final int nIter;
    private final boolean converged;

    private LinearModel(String component, Schema schema, double[] coef, double intercept, int rank, int nIter,
                        boolean converged) {
        this.component = component;
        this.schema = schema;
        this.coef = coef;
        this.intercept = intercept;
        this.rank = rank;
        this.nIter = nIter;
        this.converged = converged;
    }

    /** A least-squares fit whose centred features have numerical rank {@code rank}. */
    static LinearModel leastSquares(Schema schema, double[] coef, double intercept, int rank) {
        return new LinearModel(LinearRegression.NAME, schema, coef, intercept, rank, -1, true);
    }

    /** A closed-form fit of {@code component} (exact, so converged and without iterations). */
    static LinearModel closedForm(String component, Schema schema, double[] coef, double intercept) {
        return new LinearModel(component, schema, coef, intercept, -1, -1, true);
    }

    /** A coordinate-descent fit of {@code component}. */
    static LinearModel iterative(String component, Schema schema, double[] coef, double intercept, int nIter,
                                 boolean converged) {
        return new LinearModel(component, schema, coef, intercept, -1, nIter, converged);
    }

    /**
     * Rebuilds a {@code linear-regression} model from its {@link #state()}.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or not finite
     */
    public static LinearModel restore(LinearRegressionParams params, Schema schema, ModelState state) {
        String component = LinearRegression.NAME;
        int rank = StateChecks.count(component, state, "rank");
        if (rank > schema.featureCount()) {
            throw new IllegalArgumentException(component + ": model state attribute 'rank' is " + rank
                    + ", more than the " + schema.featureCount() + " features");
        }
        return new LinearModel(component, schema, coef(component, schema, state), intercept(component, state), rank, -1, true);
    }

    /**
     * Rebuilds a {@code ridge} model from its {@link #state()}.
     *
     * @throws IllegalArgumentException if an array is missing, misshapen or not finite
     */
    public static LinearModel restore(RidgeParams params, Schema schema, ModelState state) {
        String component = Ridge.NAME;
        return closedForm(component, schema, coef(component, schema, state), intercept(component, state));
    }

    /**
     * Rebuilds a {@code lasso} model from its {@link #state()}.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or not finite
     */
    public static LinearModel restore(LassoParams params, Schema schema, ModelState state) {
        return restoreIterative(Lasso.NAME, schema, state);
    }

    /**
     * Rebuilds an {@code elastic-net} model from its {@link #state()}.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or not finite
     */
    public static LinearModel restore(ElasticNetParams params, Schema schema, ModelState state) {
        return restoreIterative(ElasticNet.NAME, schema, state);
    }

    private static LinearModel restoreIterative(String component, Schema schema, ModelState state) {
        return iterative(component, schema, coef(component, schema, state), intercept(component, state),
                StateChecks.count(component, state, "n-iter"), StateChecks.flag(component, state, "converged"));
    }

    private static double[] coef(String component, Schema schema, ModelState state) {
        return StateChecks.finite(component, "coef", state.doubles("coef", schema.featureCount()));
    }

    private static double intercept(String component, ModelState state) {
        int[] shape = state.shape("intercept");
        if (shape.length != 0) {
            throw new IllegalArgumentException(component + ": model state array 'intercept' has shape "
                    + Arrays.toString(shape) + ", expected a scalar (shape [])");
        }
        return StateChecks.finite(component, "intercept", state.doubles("intercept"))[0];
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The weight of each feature. A copy. */
    public double[] coefficients() {
        return coef.clone();
    }

    /** The intercept (0 when none was fitted). */
    public double intercept() {
        return intercept;
    }

    /** The numerical rank of the centred features, for least-squares fits. */
    public OptionalInt rank() {
        return rank < 0 ? OptionalInt.empty() : OptionalInt.of(rank);
    }

    /** Coordinate-descent passes over the features, for iterative fits. */
    public OptionalInt nIter() {
        return nIter < 0 ? OptionalInt.empty() : OptionalInt.of(nIter);
    }

    /** Whether the fit met its tolerance (always true for closed-form fits). */
    public boolean converged() {
        return converged;
    }

    @Override
    public ModelState state() {
        ModelState.Builder builder = ModelState.builder()
                .put("coef", coef)
                .add("intercept", new ModelState.Array(new double[] {intercept}, null, new int[0]));
        if (rank >= 0) {
            builder.attribute("rank", Integer.toString(rank));
        }
        if (nIter >= 0) {
            builder.attribute("n-iter", Integer.toString(nIter)).attribute("converged", Boolean.toString(converged));
        }
        return builder.build();
    }

    /**
     * x·coef + intercept for each row.
     *
     * @throws IllegalArgumentException if the columns differ from the training data's or a value is not finite
     */
    @Override
    public double[] predict(Dataset data) {
        checkColumns(data);
        double[] x = Inputs.finiteFeatures(component, data);
        int features = coef.length;
        double[] out = new double[data.rows()];
        for (int i = 0; i < out.length; i++) {
            int offset = i * features;
            double sum = intercept;
            for (int j = 0; j < features; j++) {
                sum += x[offset + j] * coef[j];
            }
            out[i] = sum;
        }
        return out;
    }

    @Override
    public String toString() {
        return "LinearModel[" + component + ", " + coef.length + " features" + (nIter >= 0 ? ", " + nIter
                + " iterations, " + (converged ? "converged" : "not converged") : "") + "]";
    }
}
