package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.InvertibleTransformer;
import dev.grove.api.model.ModelState;

/**
 * A fitted standard scaler: x' = (x − mean) / scale per column, leaving out the subtraction when
 * {@code with-mean} is false and the division when {@code with-std} is false. The state holds
 * arrays {@code mean} and {@code scale} (one value per input column).
 */
public final class StandardScalerModel implements InvertibleTransformer {

    static final String NAME = "standard-scaler";

    private final StandardScalerParams params;
    private final Schema schema;
    private final double[] mean;
    private final double[] scale;

    StandardScalerModel(StandardScalerParams params, Schema schema, double[] mean, double[] scale) {
        this.params = params;
        this.schema = schema;
        this.mean = mean;
        this.scale = scale;
    }

    /**
     * Rebuilds a fitted scaler from its saved state.
     *
     * @throws IllegalArgumentException if an array is missing, has the wrong length, or a scale is not positive
     */
    public static StandardScalerModel restore(StandardScalerParams params, Schema schema, ModelState state) {
        int d = schema.featureCount();
        double[] mean = state.doubles("mean", d);
        double[] scale = state.doubles("scale", d);
        for (int j = 0; j < d; j++) {
            if (!(scale[j] > 0) || Double.isInfinite(scale[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException(NAME + " state: column '" + schema.featureNames().get(j)
                        + "' has mean " + mean[j] + " and scale " + scale[j] + "; expected a finite mean and a positive scale");
            }
        }
        return new StandardScalerModel(params, schema, mean, scale);
    }

    /** The params it was fitted with. */
    public StandardScalerParams params() {
        return params;
    }

    /** The mean of each column seen in fit. */
    public double[] mean() {
        return mean.clone();
    }

    /** The standard deviation of each column seen in fit (1 for constant columns). */
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        return ModelState.builder().put("mean", mean).put("scale", scale).build();
    }

    @Override
    public Dataset transform(Dataset data) {
        checkColumns(data);
        double[] x = data.featureMatrix();
        int d = mean.length;
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            double v = params.withMean() ? x[i] - mean[j] : x[i];
            x[i] = params.withStd() ? v / scale[j] : v;
        }
        return data.withFeatures(x, schema.featureNames());
    }

    @Override
    public Dataset inverseTransform(Dataset data) {
        checkColumns(data);
        double[] x = data.featureMatrix();
        int d = mean.length;
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            double v = params.withStd() ? x[i] * scale[j] : x[i];
            x[i] = params.withMean() ? v + mean[j] : v;
        }
        return data.withFeatures(x, schema.featureNames());
    }
}
