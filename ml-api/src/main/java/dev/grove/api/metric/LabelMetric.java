package dev.grove.api.metric;

import java.util.function.ToDoubleBiFunction;

/** A classification score computed from true and predicted class indices (accuracy, F1, …). */
final class LabelMetric implements Metric {

    private final ToDoubleBiFunction<int[], int[]> score;

    LabelMetric(ToDoubleBiFunction<int[], int[]> score) {
        this.score = score;
    }

    @Override
    public boolean appliesTo(MetricInput input) {
        return MetricInputs.hasClassPredictions(input);
    }

    @Override
    public MetricValue compute(MetricInput input) {
        return MetricValue.of(score.applyAsDouble(MetricInputs.ints(input.truth()), MetricInputs.ints(input.predictions())));
    }
}
