package dev.grove.classical.decomposition;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.InvertibleTransformer;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.MatrixProduct;
import dev.grove.classical.internal.StateChecks;
import dev.grove.tensor.ThreadBudget;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fitted PCA: immutable and safe to share between threads. {@link #transform} maps rows to their
 * scores on the components, z = (x − mean)·Cᵀ, divided by √(explained variance) when whitening, in
 * columns {@code pc1 … pcK}; {@link #inverseTransform} maps scores back, exactly with all components
 * and to the best rank-K approximation with fewer.
 *
 * <p>{@link #state()} holds arrays {@code components} (K × features), {@code mean} (features), and
 * {@code explained-variance}, {@code explained-variance-ratio} and {@code singular-values} (K each).
 */
public final class PcaModel implements InvertibleTransformer {

    private final Schema schema;
    private final boolean whiten;
    private final double[] components;
    private final double[] mean;
    private final double[] explainedVariance;
    private final double[] explainedVarianceRatio;
    private final double[] singularValues;
    private final List<String> componentNames;

    PcaModel(Schema schema, boolean whiten, double[] components, double[] mean, double[] explainedVariance,
             double[] explainedVarianceRatio, double[] singularValues) {
        this.schema = schema;
        this.whiten = whiten;
        this.components = components;
        this.mean = mean;
        this.explainedVariance = explainedVariance;
        this.explainedVarianceRatio = explainedVarianceRatio;
        this.singularValues = singularValues;
        List<String> names = new ArrayList<>(explainedVariance.length);
        for (int c = 1; c <= explainedVariance.length; c++) {
            names.add("pc" + c);
        }
        this.componentNames = List.copyOf(names);
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on; {@code whiten} comes
     * from the params, the component count from the state.
     *
     * @throws IllegalArgumentException if an array is missing, has the wrong shape, or holds values a
     *                                  fit cannot produce (non-finite numbers, negative variances)
     */
    public static PcaModel restore(PcaParams params, Schema schema, ModelState state) {
        String component = Pca.NAME;
        int features = schema.featureCount();
        int[] shape = state.shape("components");
        if (shape.length != 2 || shape[1] != features || shape[0] < 1 || shape[0] > features) {
            throw new IllegalArgumentException(component + ": model state array 'components' has shape "
                    + Arrays.toString(shape) + "; expected [K, " + features + "] with 1 <= K <= " + features);
        }
        int kept = shape[0];
        double[] components = StateChecks.finite(component, "components", state.doubles("components", kept, features));
        double[] mean = StateChecks.finite(component, "mean", state.doubles("mean", features));
        double[] variance = nonNegative(component, "explained-variance", state.doubles("explained-variance", kept));
        double[] ratio = nonNegative(component, "explained-variance-ratio", state.doubles("explained-variance-ratio", kept));
        double[] singular = nonNegative(component, "singular-values", state.doubles("singular-values", kept));
        if (params.whiten()) {
            for (int c = 0; c < kept; c++) {
                if (variance[c] == 0) {
                    throw new IllegalArgumentException(component + ": model state says component " + (c + 1)
                            + " has variance 0, which a whitening PCA cannot divide by");
                }
            }
        }
        return new PcaModel(schema, params.whiten(), components, mean, variance, ratio, singular);
    }

    private static double[] nonNegative(String component, String name, double[] values) {
        StateChecks.finite(component, name, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(component + ": model state array '" + name + "' holds " + values[i]
                        + " at index " + i + "; expected numbers >= 0");
            }
        }
        return values;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** Number of components kept. */
    public int componentCount() {
        return explainedVariance.length;
    }

    /** Names of the output columns: {@code pc1 … pcK}. */
    public List<String> componentNames() {
        return componentNames;
    }

    /** Whether scores are divided by the components' standard deviations. */
    public boolean whiten() {
        return whiten;
    }

    /** The components, one unit-length row of feature weights each, by decreasing variance. A copy. */
    public double[][] components() {
        int features = mean.length;
        double[][] out = new double[componentCount()][features];
        for (int c = 0; c < out.length; c++) {
            System.arraycopy(components, c * features, out[c], 0, features);
        }
        return out;
    }

    /** The mean of each feature over the training rows. A copy. */
    public double[] mean() {
        return mean.clone();
    }

    /** The variance of the training scores along each component (rows − 1 degrees of freedom). A copy. */
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** Each component's share of the total variance of the training data. A copy. */
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    /** The singular values of the centred training data belonging to the components. A copy. */
    public double[] singularValues() {
        return singularValues.clone();
    }

    @Override
    public ModelState state() {
        return ModelState.builder()
                .put("components", components, componentCount(), mean.length)
                .put("mean", mean)
                .put("explained-variance", explainedVariance)
                .put("explained-variance-ratio", explainedVarianceRatio)
                .put("singular-values", singularValues)
                .build();
    }

    /**
     * The scores of each row on the components, in columns {@code pc1 … pcK}; targets are carried over.
     *
     * @throws IllegalArgumentException if the columns differ from the training data's or a value is not finite
     */
    @Override
    public Dataset transform(Dataset data) {
        checkColumns(data);
        int rows = data.rows();
        int features = mean.length;
        int kept = componentCount();
        double[] x = Inputs.finiteFeatures(Pca.NAME, data);
        for (int i = 0; i < rows; i++) {
            int offset = i * features;
            for (int j = 0; j < features; j++) {
                x[offset + j] -= mean[j];
            }
        }
        double[] transposed = new double[features * kept];
        for (int c = 0; c < kept; c++) {
            for (int j = 0; j < features; j++) {
                transposed[j * kept + c] = components[c * features + j];
            }
        }
        double[] scores = MatrixProduct.of(x, rows, features, transposed, kept, ThreadBudget.get() > 1);
        if (whiten) {
            double[] deviation = standardDeviations();
            for (int k = 0; k < scores.length; k++) {
                scores[k] /= deviation[k % kept];
            }
        }
        return data.withFeatures(scores, componentNames);
    }

    /**
     * Maps scores (K columns, as {@link #transform} produces) back to the training features,
     * x = z·C + mean, with z first multiplied by √(explained variance) when whitening.
     *
     * @throws IllegalArgumentException if the data do not have K columns or a value is not finite
     */
    @Override
    public Dataset inverseTransform(Dataset data) {
        int kept = componentCount();
        if (data.featureCount() != kept) {
            throw new IllegalArgumentException(Pca.NAME + ": inverse transform needs the " + kept + " component scores "
                    + componentNames + " as columns, got " + data.featureCount() + " columns " + data.schema().featureNames());
        }
        int rows = data.rows();
        int features = mean.length;
        double[] z = Inputs.finiteFeatures(Pca.NAME, data);
        if (whiten) {
            double[] deviation = standardDeviations();
            for (int k = 0; k < z.length; k++) {
                z[k] *= deviation[k % kept];
            }
        }
        double[] x = MatrixProduct.of(z, rows, kept, components, features, ThreadBudget.get() > 1);
        for (int i = 0; i < rows; i++) {
            int offset = i * features;
            for (int j = 0; j < features; j++) {
                x[offset + j] += mean[j];
            }
        }
        return data.withFeatures(x, schema.featureNames());
    }

    private double[] standardDeviations() {
        double[] out = new double[explainedVariance.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = Math.sqrt(explainedVariance[c]);
        }
        return out;
    }

    @Override
    public String toString() {
        double explained = 0;
        for (double ratio : explainedVarianceRatio) {
            explained += ratio;
        }
        return "PcaModel[" + componentCount() + " of " + mean.length + " features, explaining "
                + String.format(Locale.ROOT, "%.4f", explained) + " of the variance" + (whiten ? ", whitened" : "") + "]";
    }
}
