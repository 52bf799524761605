package dev.grove.api.metric;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Model;

/**
 * What a metric may look at for one split.
 *
 * @param data          the split's rows, as given to the model
 * @param truth         true targets (class indices or values); null for unsupervised data
 * @param predictions   predicted class indices, values or cluster ids
 * @param probabilities class probabilities (rows × classes) for classifiers, else null
 * @param model         the fitted model (for model-defined figures such as inertia)
 */
public record MetricInput(Dataset data, double[] truth, double[] predictions, double[][] probabilities, Model model) {

    /** Number of classes from the schema (0 for regression or clustering). */
    public int classCount() {
        return data.schema().classLabels().size();
    }
}
