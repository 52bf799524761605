package dev.grove.api.metric;

/** Area under the ROC curve of the probability of class 1, for two-class problems with both classes in the truth. */
final class RocAucMetric implements Metric {

    @Override
    public boolean appliesTo(MetricInput input) {
        if (!MetricInputs.hasClassProbabilities(input) || input.classCount() != 2) {
            return false;
        }
        boolean negative = false;
        boolean positive = false;
        for (double t : input.truth()) {
            negative |= t == 0;
            positive |= t == 1;
        }
        return negative && positive;
    }

    @Override
    public MetricValue compute(MetricInput input) {
        double[][] p = input.probabilities();
        double[] scores = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            scores[i] = p[i][1];
        }
        return MetricValue.of(Metrics.rocAuc(MetricInputs.ints(input.truth()), scores));
    }
}
