package dev.grove.api.metric;

/** Within-cluster sum of squared distances to the centroids of the predicted clusters, computed from the data. */
final class InertiaMetric implements Metric {

    @Override
    public boolean appliesTo(MetricInput input) {
        return MetricInputs.distinctClusterIds(input) >= 1;
    }

    @Override
    public MetricValue compute(MetricInput input) {
        return MetricValue.of(Metrics.inertia(MetricInputs.rows(input.data()), MetricInputs.ints(input.predictions())));
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }
}
