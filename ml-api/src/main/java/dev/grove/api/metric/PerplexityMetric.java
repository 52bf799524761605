package dev.grove.api.metric;

/**
 * Perplexity of a language model: the exponential of the mean cross-entropy (natural log) of the
 * probabilities it gave each true token, i.e. exp(log-loss) over the tokens of a stream. A model that
 * spreads its belief evenly over k tokens has perplexity k.
 */
final class PerplexityMetric implements Metric {

    @Override
    public boolean appliesTo(MetricInput input) {
        return MetricInputs.hasClassProbabilities(input);
    }

    @Override
    public MetricValue compute(MetricInput input) {
        return MetricValue.of(Math.exp(Metrics.logLoss(MetricInputs.ints(input.truth()), input.probabilities())));
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }
}
