package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.metric.Metric;
import dev.grove.api.metric.MetricInput;
import dev.grove.api.metric.MetricValue;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Model;
import dev.grove.api.model.Regressor;
import dev.grove.api.model.SelfEvaluating;
import java.util.LinkedHashMap;
import java.util.Map;

/** Computes the experiment's metrics for one model on one split; metrics that do not apply are skipped. */
final class Evaluator {

    private final Map<String, Metric> metrics;
    private final boolean defaults;

    /**
     * With metrics by name, in the order they are reported.
     *
     * @param defaults whether these are the {@link DefaultMetrics}, each computed only for the models it suits
     */
    Evaluator(Map<String, Metric> metrics, boolean defaults) {
        this.metrics = metrics;
        this.defaults = defaults;
    }

    /** The predictions a model makes on {@code data}, as metrics see them. */
    static MetricInput predict(Model model, Dataset data) {
        double[] truth = data.hasTargets() ? data.targets() : null;
        double[] predictions = null;
        double[][] probabilities = null;
        if (model instanceof Classifier c) {
            var classification = c.classify(data);
            predictions = toDoubles(classification.classes());
            probabilities = classification.probabilities();
        } else if (model instanceof Regressor r) {
            predictions = r.predict(data);
        } else if (model instanceof Clusterer c) {
            predictions = toDoubles(c.predict(data));
        }
        return new MetricInput(data, truth, predictions, probabilities, model);
    }

    /** Every applicable metric on {@code input}, by name. */
    Map<String, MetricValue> evaluate(MetricInput input) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, Metric> e : metrics.entrySet()) {
            if ((!defaults || DefaultMetrics.suits(e.getKey(), input.model())) && e.getValue().appliesTo(input)) {
                out.put(e.getKey(), e.getValue().compute(input));
            }
        }
        return out;
    }

    /**
     * The figures a {@link SelfEvaluating} model (or a pipeline ending in one, on the data as its
     * steps transform it) computes on {@code data}; none for other models.
     */
    static Map<String, Double> ownFigures(Model model, Dataset data, long seed) {
        if (!(FinalStep.modelOf(model) instanceof SelfEvaluating)) {
            return Map.of();
        }
        FinalStep last = FinalStep.of(model, data);
        return ((SelfEvaluating) last.model()).evaluate(last.data(), seed);
    }

    private static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
