package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * Learns each column's minimum and maximum, as scikit-learn's MinMaxScaler. Fitting on data with
 * NaN is an error; impute first.
 */
public final class MinMaxScaler implements Estimator<MinMaxScalerModel> {

    private final MinMaxScalerParams params;

    /** A scaler configured by {@code params}. */
    public MinMaxScaler(MinMaxScalerParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public MinMaxScalerModel fit(Dataset data, RunContext context) {
        FitChecks.requireRows(MinMaxScalerModel.NAME, data);
        FitChecks.requireNoMissing(MinMaxScalerModel.NAME, data, null, "put simple-imputer before the scaler");
        int d = data.featureCount();
        double[] min = new double[d];
        double[] max = new double[d];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                double v = data.feature(i, j);
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        return new MinMaxScalerModel(params, data.schema(), min, max);
    }
}
