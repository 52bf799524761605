package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.metric.MetricInput;
import dev.grove.api.model.Model;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes predictions as CSV: the feature columns, the true target when known, {@code predicted}, and
 * for classifiers one {@code p(<label>)} column per class. Numbers are written with
 * {@link Double#toString}, which reads back to the same double, so predicting again from this file
 * reproduces the predictions exactly.
 */
public final class PredictionsCsv {

    private PredictionsCsv() {
    }

    /** Writes the predictions in {@code input} of {@code model} to {@code file}. */
    public static void write(Path file, Model model, MetricInput input) {
        try {
            Files.writeString(file, render(model, input));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The CSV text of the predictions in {@code input}. */
    static String render(Model model, MetricInput input) {
        Dataset data = input.data();
        Schema schema = model.schema();
        List<String> labels = schema.classLabels();
        StringBuilder sb = new StringBuilder();
        List<String> features = data.schema().featureNames();
        for (String f : features) {
            sb.append(quote(f)).append(',');
        }
        boolean hasTruth = input.truth() != null;
        if (hasTruth) {
            sb.append(quote(schema.targetName() == null ? "target" : schema.targetName())).append(',');
        }
        sb.append("predicted");
        if (input.probabilities() != null) {
            for (String label : labels) {
                sb.append(',').append(quote("p(" + label + ")"));
            }
        }
        sb.append('\n');
        double[] row = new double[data.featureCount()];
        for (int i = 0; i < data.rows(); i++) {
            for (double v : data.row(i, row)) {
                sb.append(v).append(',');
            }
            if (hasTruth) {
                sb.append(valueText(input.truth()[i], labels)).append(',');
            }
            sb.append(input.predictions() == null ? "" : valueText(input.predictions()[i], labels));
            if (input.probabilities() != null) {
                for (double p : input.probabilities()[i]) {
                    sb.append(',').append(p);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String valueText(double value, List<String> labels) {
        return labels.isEmpty() ? Double.toString(value) : quote(labels.get((int) value));
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
