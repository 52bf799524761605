package dev.grove.api.metric;

/** Cross-entropy of the predicted class probabilities. */
final class LogLossMetric implements Metric {

    @Override
    public boolean appliesTo(MetricInput input) {
        return MetricInputs.hasClassProbabilities(input);
    }

    @Override
    public MetricValue compute(MetricInput input) {
        return MetricValue.of(Metrics.logLoss(MetricInputs.ints(input.truth()), input.probabilities()));
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }
}
