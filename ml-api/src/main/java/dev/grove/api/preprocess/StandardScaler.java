package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Objects;

/**
 * Learns each column's mean and population standard deviation (ddof 0), as scikit-learn's
 * StandardScaler. A column is constant — and gets scale 1, so it is only centred — when its
 * variance is within floating-point rounding of zero: var ≤ n·ε·var + (n·|mean|·ε)², scikit-learn's
 * test. Fitting on data with NaN is an error; impute first.
 */
public final class StandardScaler implements Estimator<StandardScalerModel> {

    private final StandardScalerParams params;

    /** A scaler configured by {@code params}. */
    public StandardScaler(StandardScalerParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public StandardScalerModel fit(Dataset data, RunContext context) {
        FitChecks.requireRows(StandardScalerModel.NAME, data);
        FitChecks.requireNoMissing(StandardScalerModel.NAME, data, null, "put simple-imputer before the scaler");
        int n = data.rows();
        int d = data.featureCount();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.feature(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        // A second pass over deviations avoids the cancellation of sum(x²) − n·mean².
        double[] variance = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double e = data.feature(i, j) - mean[j];
                variance[j] += e * e;
            }
        }
        double[] scale = new double[d];
        double eps = Math.ulp(1.0);
        for (int j = 0; j < d; j++) {
            variance[j] /= n;
            double roundingBound = n * eps * variance[j] + Math.pow(n * Math.abs(mean[j]) * eps, 2);
            scale[j] = variance[j] <= roundingBound ? 1.0 : Math.sqrt(variance[j]);
        }
        return new StandardScalerModel(params, data.schema(), mean, scale);
    }
}
