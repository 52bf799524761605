package dev.grove.loader.run;

import dev.grove.api.metric.MetricValue;

/** How a metric value appears in metrics.json: a number, or a matrix as nested arrays. */
final class MetricJson {

    private MetricJson() {
    }

    static Object of(MetricValue value) {
        if (value instanceof MetricValue.Scalar s) {
            return s.value();
        }
        return ((MetricValue.Matrix) value).values();
    }
}
