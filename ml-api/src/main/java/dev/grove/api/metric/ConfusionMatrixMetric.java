package dev.grove.api.metric;

/** Counts of true class (rows) against predicted class (columns), labelled with the class labels. */
final class ConfusionMatrixMetric implements Metric {

    @Override
    public boolean appliesTo(MetricInput input) {
        return MetricInputs.hasClassPredictions(input);
    }

    @Override
    public MetricValue compute(MetricInput input) {
        int k = input.classCount();
        int[][] counts = Metrics.confusionMatrix(MetricInputs.ints(input.truth()), MetricInputs.ints(input.predictions()), k);
        double[][] values = new double[k][k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                values[r][c] = counts[r][c];
            }
        }
        return new MetricValue.Matrix(values, input.data().schema().classLabels());
    }
}
