package dev.grove.api.metric;

import java.util.function.ToDoubleBiFunction;

/** A regression score computed from true and predicted values (mse, r2, …). */
final class RegressionMetric implements Metric {

    private final ToDoubleBiFunction<double[], double[]> score;
    private final boolean higherIsBetter;

    RegressionMetric(ToDoubleBiFunction<double[], double[]> score, boolean higherIsBetter) {
        this.score = score;
        this.higherIsBetter = higherIsBetter;
    }

    @Override
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    @Override
    public boolean appliesTo(MetricInput input) {
        return MetricInputs.hasRegressionPredictions(input);
    }

    @Override
    public MetricValue compute(MetricInput input) {
        return MetricValue.of(score.applyAsDouble(input.truth(), input.predictions()));
    }
}
