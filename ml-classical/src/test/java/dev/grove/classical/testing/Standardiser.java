package dev.grove.classical.testing;

import dev.grove.api.data.Dataset;

/**
 * Standardisation as scikit-learn's StandardScaler: subtract each feature's mean and divide by its
 * population standard deviation (1 for a constant feature), both learned from the rows given to {@link #fit}.
 */
public final class Standardiser {

    private final double[] means;
    private final double[] deviations;

    private Standardiser(double[] means, double[] deviations) {
        this.means = means;
        this.deviations = deviations;
    }

    /** Learns means and standard deviations from {@code data}. */
    public static Standardiser fit(Dataset data) {
        int n = data.rows();
        int d = data.featureCount();
        double[] means = new double[d];
        double[] deviations = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += data.feature(i, j);
            }
            means[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double deviation = data.feature(i, j) - means[j];
                squares += deviation * deviation;
            }
            // A constant feature keeps its scale, as StandardScaler leaves it (0/0 would give NaN).
            double deviation = Math.sqrt(squares / n);
            deviations[j] = deviation == 0 ? 1 : deviation;
        }
        return new Standardiser(means, deviations);
    }

    /** {@code data} with standardised features, same schema and targets. */
    public Dataset apply(Dataset data) {
        int d = data.featureCount();
        double[] x = data.featureMatrix();
        for (int k = 0; k < x.length; k++) {
            x[k] = (x[k] - means[k % d]) / deviations[k % d];
        }
        return data.withFeatures(x, data.schema().featureNames());
    }

    /** Standardises {@code data} with its own statistics. */
    public static Dataset standardise(Dataset data) {
        return fit(data).apply(data);
    }
}
