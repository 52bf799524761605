package dev.grove.loader.report;

import dev.grove.api.data.Dataset;
import dev.grove.api.metric.MetricInput;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Describable;
import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.PipelineModel;
import dev.grove.api.model.Summary;
import dev.grove.api.model.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run puts in {@code report-data.json}: the figures a report draws that the run's other files
 * do not hold, computed once from the fitted model while it is in memory, so {@code grove report}
 * can redraw the report from files alone. Every part is optional:
 *
 * <ul>
 *   <li>{@code split}: the split the parts below were computed on (test, else validation, else training).</li>
 *   <li>{@code class-labels} and {@code confusion-matrix} (counts, rows the true classes, columns the predicted ones) for
 *       classifiers of at most {@value #MAX_CONFUSION_CLASSES} classes.</li>
 *   <li>{@code roc}: {@code false-positive-rate}, {@code true-positive-rate}, {@code auc} and {@code positive} (the class
 *       scored) for binary classifiers with probabilities.</li>
 *   <li>{@code clusters}: for clusterers of rows of at most {@value #MAX_PROJECTED_FEATURES} values, at most
 *       {@value #MAX_POINTS} rows (as the model sees them, after the pipeline's
 *       transformers) projected on their first two principal components ({@code x}, {@code y}, {@code explained}), each
 *       row's {@code cluster}, and the centres ({@code centre-x}, {@code centre-y}) — the model's {@code centers} or
 *       {@code means} when it has them, else each cluster's mean.</li>
 *   <li>{@code summary}: the network's layer table ({@code rows} of name, kind, output-shape and parameters;
 *       {@code total}, {@code trainable}).</li>
 *   <li>{@code model-text}: what a {@link Describable} model says of itself (a tree's split rules).</li>
 *   <li>{@code model-tree}: for a model that predicts by a tree of rules, the top of that tree as {@link TreeOutline}
 *       keeps it, for the report's drawing.</li>
 *   <li>{@code artifacts}: the files the model wrote into the run folder, in the order to show them.</li>
 *   <li>{@code problems}: why a part that applies is missing, one sentence each.</li>
 * </ul>
 */
public final class ReportData {

    /** The file's name in a run folder. */
    public static final String FILE = "report-data.json";

    /** The most points drawn in the cluster chart; evenly spaced rows stand for larger sets. */
    static final int MAX_POINTS = 2_000;
    /** Longer model texts are cut, so a huge tree cannot make a huge page. */
    static final int MAX_TEXT = 200_000;
    /**
     * More classes than this get no confusion matrix here (a language model's vocabulary would make
     * one of billions of cells); the report draws at most this many too.
     */
    public static final int MAX_CONFUSION_CLASSES = 50;
    /** Rows with more values than this are not projected for the cluster chart (the covariance's eigenvectors cost its cube). */
    static final int MAX_PROJECTED_FEATURES = 1_000;

    private ReportData() {
    }

    /**
     * The parts that apply to the model of {@code shown}.
     *
     * @param shown     the model's predictions on one split
     * @param split     that split's name: test, val or train
     * @param summary   the network's layer table, or null for a model that is not a network
     * @param artifacts the files the model wrote, relative to the run folder
     */
    public static Map<String, Object> collect(MetricInput shown, String split, Summary summary, List<String> artifacts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("split", split);
        Model model = shown.model();
        Model last = model instanceof PipelineModel pipeline ? pipeline.last() : model;
        List<String> labels = shown.data().schema().classLabels();
        if (shown.data().schema().isClassification() && shown.truth() != null && shown.predictions() != null) {
            data.put("class-labels", labels.size() <= MAX_CONFUSION_CLASSES ? labels : List.of());
            if (labels.size() <= MAX_CONFUSION_CLASSES) {
                data.put("confusion-matrix", confusion(shown.truth(), shown.predictions(), labels.size()));
            }
            if (labels.size() == 2 && shown.probabilities() != null) {
                roc(shown, labels).ifPresent(roc -> data.put("roc", roc));
            }
        }
        if (last instanceof Clusterer && shown.predictions() != null) {
            try {
                clusters(model, last, shown).ifPresent(c -> data.put("clusters", c));
            } catch (RuntimeException e) {
                // Rows the projection cannot take (not finite, say) cost the report its cluster chart, not its other parts.
                data.put("problems", List.of("the clusters could not be projected for the chart: " + e.getMessage()));
            }
        }
        if (summary != null) {
            data.put("summary", summary(summary));
        }
        if (last instanceof Describable describable) {
            String text = describable.describe();
            data.put("model-text", text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "\n… (cut at "
                    + MAX_TEXT + " characters)");
            describable.decisionTree().ifPresent(root -> data.put("model-tree", TreeOutline.store(root)));
        }
        if (!artifacts.isEmpty()) {
            data.put("artifacts", List.copyOf(artifacts));
        }
        return data;
    }

    private static double[][] confusion(double[] truth, double[] predictions, int classes) {
        double[][] counts = new double[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            int t = (int) truth[i];
            int p = (int) predictions[i];
            if (t >= 0 && t < classes && p >= 0 && p < classes) {
                counts[t][p]++;
            }
        }
        return counts;
    }

    private static Optional<Map<String, Object>> roc(MetricInput shown, List<String> labels) {
        double[][] probabilities = shown.probabilities();
        double[] scores = new double[probabilities.length];
        boolean[] positive = new boolean[probabilities.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probabilities[i][1];
            positive[i] = shown.truth()[i] == 1;
        }
        RocCurve curve;
        try {
            curve = RocCurve.of(scores, positive);
        } catch (IllegalArgumentException oneClassOnly) {
            return Optional.empty();
        }
        Map<String, Object> roc = new LinkedHashMap<>();
        roc.put("positive", labels.get(1));
        roc.put("false-positive-rate", curve.falsePositiveRate());
        roc.put("true-positive-rate", curve.truePositiveRate());
        roc.put("auc", curve.area());
        return Optional.of(roc);
    }

    private static Optional<Map<String, Object>> clusters(Model model, Model last, MetricInput shown) {
        Dataset prepared = shown.data();
        if (model instanceof PipelineModel pipeline) {
            for (Transformer step : pipeline.steps()) {
                prepared = step.transform(prepared);
            }
        }
        int d = prepared.featureCount();
        if (d > MAX_PROJECTED_FEATURES || prepared.rows() == 0) {
            return Optional.empty();
        }
        double[] rows = prepared.featureMatrix();
        int n = prepared.rows();
        Projection projection = Projection.fit(rows, d);
        int stride = (int) Math.ceil(n / (double) MAX_POINTS);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> cluster = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            x.add(projection.x(rows, i));
            y.add(projection.y(rows, i));
            cluster.add((int) shown.predictions()[i]);
        }
        double[] centres = centres(last, d, rows, shown.predictions(), ((Clusterer) last).clusterCount());
        int k = centres.length / d;
        double[] cx = new double[k];
        double[] cy = new double[k];
        for (int c = 0; c < k; c++) {
            cx[c] = projection.x(centres, c);
            cy[c] = projection.y(centres, c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", n);
        out.put("explained", new double[] {projection.share(0), projection.share(1)});
        out.put("x", x);
        out.put("y", y);
        out.put("cluster", cluster);
        out.put("centre-x", cx);
        out.put("centre-y", cy);
        return Optional.of(out);
    }

    /** The model's own centres ({@code centers} or {@code means}, k × d) when it has them, else each cluster's mean row. */
    private static double[] centres(Model last, int d, double[] rows, double[] assigned, int k) {
        ModelState state = last.state();
        for (String name : List.of("centers", "means")) {
            ModelState.Array array = state.arrays().get(name);
            if (array != null && array.isDouble() && array.shape().length == 2 && array.shape()[0] == k && array.shape()[1] == d) {
                return array.doubles().clone();
            }
        }
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < assigned.length; i++) {
            int c = (int) assigned[i];
            if (c >= 0 && c < k) {
                counts[c]++;
                for (int j = 0; j < d; j++) {
                    sums[c * d + j] += rows[i * d + j];
                }
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sums[c * d + j] = counts[c] == 0 ? Double.NaN : sums[c * d + j] / counts[c];
            }
        }
        return sums;
    }

    private static Map<String, Object> summary(Summary summary) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary.Row row : summary.rows()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", row.name());
            r.put("kind", row.kind());
            r.put("output-shape", row.outputShape());
            r.put("parameters", row.parameters());
            rows.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        out.put("total", summary.total());
        out.put("trainable", summary.trainable());
        return out;
    }
}
