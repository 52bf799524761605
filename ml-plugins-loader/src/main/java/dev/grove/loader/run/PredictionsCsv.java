package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.metric.MetricInput;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Model;
import dev.grove.api.model.Regressor;
import dev.grove.api.text.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes predictions as CSV: the feature columns, the true target when known, {@code predicted}, and
 * for classifiers one {@code p(<label>)} column per class. Numbers are written with
 * {@link Double#toString}, which reads back to the same double, so predicting again from this file
 * reproduces the predictions exactly.
 *
 * <p>Images and other shaped samples (a sample shape of more than one dimension) get a {@code row}
 * column, the row's index in the predicted data, instead of their thousands of pixel columns. Rows
 * are streamed to the output, so the file's size is not bounded by memory.
 */
public final class PredictionsCsv {

    private PredictionsCsv() {
    }

    /**
     * Whether a run writes the file for {@code model}: it must predict something (a classifier,
     * regressor or clusterer), and not be a language model, whose per-token probabilities over a
     * whole text would make a file of hundreds of megabytes that says less than its metrics.
     */
    public static boolean suits(Model model) {
        return (model instanceof Classifier || model instanceof Regressor || model instanceof Clusterer)
                && !(model instanceof TokenGenerator);
    }

    /** Writes the predictions in {@code input} of {@code model} to {@code file}. */
    public static void write(Path file, Model model, MetricInput input) {
        try (Writer out = Files.newBufferedWriter(file)) {
            writeTo(out, model, input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes the CSV text of the predictions in {@code input} to {@code out}. */
    static void writeTo(Writer out, Model model, MetricInput input) throws IOException {
        Dataset data = input.data();
        Schema schema = model.schema();
        List<String> labels = schema.classLabels();
        boolean shaped = data.schema().sampleShape().size() > 1;
        StringBuilder sb = new StringBuilder();
        if (shaped) {
            sb.append("row,");
        } else {
            for (String f : data.schema().featureNames()) {
                sb.append(quote(f)).append(',');
            }
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
        out.write(sb.toString());
        double[] row = new double[data.featureCount()];
        for (int i = 0; i < data.rows(); i++) {
            sb.setLength(0);
            if (shaped) {
                sb.append(i).append(',');
            } else {
                for (double v : data.row(i, row)) {
                    sb.append(v).append(',');
                }
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
            out.write(sb.toString());
        }
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
