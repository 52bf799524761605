package dev.grove.api.metric;

/** Mean silhouette of the predicted clusters; needs between 2 and n − 1 distinct clusters. */
final class SilhouetteMetric implements Metric {

    @Override
    public boolean appliesTo(MetricInput input) {
        int clusters = MetricInputs.distinctClusterIds(input);
        return clusters >= 2 && clusters <= input.data().rows() - 1;
    }

    @Override
    public MetricValue compute(MetricInput input) {
        return MetricValue.of(Metrics.silhouette(MetricInputs.rows(input.data()), MetricInputs.ints(input.predictions())));
    }
}
