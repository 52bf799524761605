package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.InvertibleTransformer;
import dev.grove.api.model.ModelState;

/**
 * A fitted min-max scaler: x' = (x − dataMin) · (rangeMax − rangeMin) / (dataMax − dataMin) + rangeMin
 * per column. A column whose span is below 10·ε counts as span 1 (scikit-learn's rule), so a
 * constant column maps to {@code feature-range-min}. The state holds arrays {@code data-min} and
 * {@code data-max}.
 */
public final class MinMaxScalerModel implements InvertibleTransformer {

    static final String NAME = "min-max-scaler";

    private final MinMaxScalerParams params;
    private final Schema schema;
    private final double[] dataMin;
    private final double[] dataMax;
    /** Output units per input unit, per column. */
    private final double[] factor;

    MinMaxScalerModel(MinMaxScalerParams params, Schema schema, double[] dataMin, double[] dataMax) {
        this.params = params;
        this.schema = schema;
        this.dataMin = dataMin;
        this.dataMax = dataMax;
        this.factor = new double[dataMin.length];
        double width = params.featureRangeMax() - params.featureRangeMin();
        for (int j = 0; j < factor.length; j++) {
            double span = dataMax[j] - dataMin[j];
            factor[j] = width / (span < 10 * Math.ulp(1.0) ? 1.0 : span);
        }
    }

    /**
     * Rebuilds a fitted scaler from its saved state.
     *
     * @throws IllegalArgumentException if an array is missing, has the wrong length, or a minimum exceeds its maximum
     */
    public static MinMaxScalerModel restore(MinMaxScalerParams params, Schema schema, ModelState state) {
        int d = schema.featureCount();
        double[] min = state.doubles("data-min", d);
        double[] max = state.doubles("data-max", d);
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(min[j]) || !Double.isFinite(max[j]) || min[j] > max[j]) {
                throw new IllegalArgumentException(NAME + " state: column '" + schema.featureNames().get(j)
                        + "' has minimum " + min[j] + " and maximum " + max[j] + "; expected finite values, minimum <= maximum");
            }
        }
        return new MinMaxScalerModel(params, schema, min, max);
    }

    /** The params it was fitted with. */
    public MinMaxScalerParams params() {
        return params;
    }

    /** Each column's minimum seen in fit. */
    public double[] dataMin() {
        return dataMin.clone();
    }

    /** Each column's maximum seen in fit. */
    public double[] dataMax() {
        return dataMax.clone();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        return ModelState.builder().put("data-min", dataMin).put("data-max", dataMax).build();
    }

    @Override
    public Dataset transform(Dataset data) {
        checkColumns(data);
        double[] x = data.featureMatrix();
        int d = factor.length;
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            x[i] = (x[i] - dataMin[j]) * factor[j] + params.featureRangeMin();
        }
        return data.withFeatures(x, schema.featureNames());
    }

    @Override
    public Dataset inverseTransform(Dataset data) {
        checkColumns(data);
        double[] x = data.featureMatrix();
        int d = factor.length;
        for (int i = 0; i < x.length; i++) {
            int j = i % d;
            x[i] = (x[i] - params.featureRangeMin()) / factor[j] + dataMin[j];
        }
        return data.withFeatures(x, schema.featureNames());
    }
}
