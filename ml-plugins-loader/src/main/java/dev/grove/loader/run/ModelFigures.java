package dev.grove.loader.run;

import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.PipelineModel;
import java.util.Map;

/**
 * Puts the final model's small learned arrays and numeric attributes into metrics.json as
 * {@code model/<name>} (e.g. {@code model/coef}, {@code model/n-iter}). Arrays above
 * {@link #MAX_ELEMENTS} values (network weights) stay in model.grove only.
 */
final class ModelFigures {

    static final int MAX_ELEMENTS = 10_000;

    private ModelFigures() {
    }

    static void addTo(Map<String, Object> metrics, Model model) {
        Model last = model instanceof PipelineModel p ? p.last() : model;
        ModelState state = last.state();
        state.arrays().forEach((name, array) -> {
            int[] shape = array.shape();
            int size = array.isDouble() ? array.doubles().length : array.floats().length;
            if (size > MAX_ELEMENTS) {
                return;
            }
            double[] values = array.isDouble() ? array.doubles() : toDoubles(array.floats());
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

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
