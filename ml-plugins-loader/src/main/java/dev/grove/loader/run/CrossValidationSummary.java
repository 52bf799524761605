package dev.grove.loader.run;

import dev.grove.api.metric.MetricValue;
import java.util.List;
import java.util.Map;

/**
 * Folds' metric values summarised: scalars as {@code cv/<name>} (mean) and {@code cv/<name>/std}
 * (population standard deviation, as NumPy's default), matrices summed over folds.
 */
final class CrossValidationSummary {

    private CrossValidationSummary() {
    }

    static void addTo(Map<String, Object> metrics, String name, List<MetricValue> values) {
        if (values.get(0) instanceof MetricValue.Scalar) {
            double mean = 0;
            for (MetricValue v : values) {
                mean += ((MetricValue.Scalar) v).value();
            }
            mean /= values.size();
            double squares = 0;
            for (MetricValue v : values) {
                double d = ((MetricValue.Scalar) v).value() - mean;
                squares += d * d;
            }
            metrics.put("cv/" + name, mean);
            metrics.put("cv/" + name + "/std", Math.sqrt(squares / values.size()));
            return;
        }
        double[][] first = ((MetricValue.Matrix) values.get(0)).values();
        double[][] total = new double[first.length][];
        for (int i = 0; i < first.length; i++) {
            total[i] = new double[first[i].length];
        }
        for (MetricValue v : values) {
            double[][] m = ((MetricValue.Matrix) v).values();
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < m[i].length; j++) {
                    total[i][j] += m[i][j];
                }
            }
        }
        metrics.put("cv/" + name, total);
    }
}
