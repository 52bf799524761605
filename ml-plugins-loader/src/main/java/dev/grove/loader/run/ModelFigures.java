package dev.grove.loader.run;

import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import java.util.Map;

/**
 * Puts the final model's small float64 arrays and its attributes into metrics.json as
 * {@code model/<name>} (e.g. {@code model/coef}, {@code model/n-iter}). Arrays above
 * {@link #MAX_ELEMENTS} values, and float32 arrays (network weights, which are not figures a reader
 * looks at), stay in model.grove only.
 */
final class ModelFigures {

    static final int MAX_ELEMENTS = 10_000;

    private ModelFigures() {
    }

    static void addTo(Map<String, Object> metrics, Model model) {
        Model last = FinalStep.modelOf(model);
        ModelState state = last.state();
        state.arrays().forEach((name, array) -> {
            int[] shape = array.shape();
            if (!array.isDouble() || array.doubles().length > MAX_ELEMENTS) {
                return;
            }
            double[] values = array.doubles();
            if (shape.length == 2) {
                double[][] rows = new double[shape[0]][];
                for (int i = 0; i < shape[0]; i++) {
                    rows[i] = java.util.Arrays.copyOfRange(values, i * shape[1], (i + 1) * shape[1]);
                }
                metrics.put("model/" + name, rows);
            } else if (shape.length == 0) {
                metrics.put("model/" + name, values[0]);
            } else {
                metrics.put("model/" + name, values);
            }
        });
        state.attributes().forEach((name, value) -> {
            try {
                metrics.put("model/" + name, Double.parseDouble(value));
            } catch (NumberFormatException notNumeric) {
                metrics.put("model/" + name, value);
            }
        });
    }
}
