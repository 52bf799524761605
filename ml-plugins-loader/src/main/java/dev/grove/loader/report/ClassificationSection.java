package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A classifier's confusion matrix as a heatmap with counts (from metrics.json, or the run's
 * report-data.json when the experiment did not ask for the metric) and, for two classes, its ROC
 * curve with the area under it.
 */
final class ClassificationSection {


    private static final Map<String, String> SPLIT_NAMES = Map.of("train", "training rows", "val", "validation rows",
            "test", "test rows", "cv", "cross-validation folds, summed");

    private ClassificationSection() {
    }

    /** The section, or none for a model that is not a classifier. */
    static Optional<Page.Section> render(RunFiles run) {
        List<String> labels = classLabels(run);
        StringBuilder charts = new StringBuilder();
        Optional<Confusion> confusion = confusion(run);
        StringBuilder notes = new StringBuilder();
        if (confusion.isPresent()) {
            double[][] counts = confusion.get().counts;
            List<String> names = counts.length == labels.size() ? labels : indices(counts.length);
            if (counts.length > ReportData.MAX_CONFUSION_CLASSES) {
                notes.append(Html.note("The confusion matrix has " + counts.length + " classes, too many to draw; it is in "
                        + "metrics.json."));
            } else {
                charts.append("<figure>").append(Heatmap.svg("confusion-matrix", "Confusion matrix (" + SPLIT_NAMES.getOrDefault(
                        confusion.get().split, confusion.get().split) + ")", counts, names, names, "true class", "predicted class"))
                        .append("<figcaption>Counts of rows by true class (rows) and predicted class (columns); the shade is the"
                                + " share of the true class's rows.</figcaption></figure>\n");
            }
        }
        run.reportPart("roc").ifPresent(roc -> {
            double[] fpr = Plain.doubles(roc.get("false-positive-rate"));
            double[] tpr = Plain.doubles(roc.get("true-positive-rate"));
            double auc = Plain.number(roc.get("auc"));
            if (fpr != null && tpr != null && fpr.length == tpr.length) {
                String split = String.valueOf(run.reportData().getOrDefault("split", ""));
                LineChart chart = new LineChart("roc", "ROC curve (AUC " + Format.number(auc) + ")", "false positive rate",
                        "true positive rate").xRange(0, 1).yRange(0, 1).diagonal()
                        .series("positive class: " + roc.get("positive"), fpr, tpr);
                charts.append("<figure>").append(chart.svg()).append("<figcaption>On the ")
                        .append(Html.escape(SPLIT_NAMES.getOrDefault(split, split)))
                        .append("; the dotted diagonal is a classifier that guesses.</figcaption></figure>\n");
            }
        });
        if (charts.length() == 0 && notes.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Page.Section("classification", "Classification",
                "<div class=\"charts\">\n" + charts + "</div>\n" + notes));
    }

    private record Confusion(String split, double[][] counts) {
    }

    /** The confusion matrix of the most telling split: test, validation, cross-validation, the report data's, training. */
    private static Optional<Confusion> confusion(RunFiles run) {
        for (String split : List.of("test", "val", "cv")) {
            double[][] m = Plain.matrix(run.metrics().get(split + "/confusion-matrix"));
            if (m != null) {
                return Optional.of(new Confusion(split, m));
            }
        }
        double[][] fromRun = Plain.matrix(run.reportData().get("confusion-matrix"));
        if (fromRun != null) {
            return Optional.of(new Confusion(String.valueOf(run.reportData().getOrDefault("split", "")), fromRun));
        }
        double[][] train = Plain.matrix(run.metrics().get("train/confusion-matrix"));
        return train == null ? Optional.empty() : Optional.of(new Confusion("train", train));
    }

    /** The class names: the saved model's schema, else the report data's. */
    private static List<String> classLabels(RunFiles run) {
        if (run.model().isPresent() && !run.model().get().schema().classLabels().isEmpty()) {
            return run.model().get().schema().classLabels();
        }
        List<String> fromRun = Plain.strings(run.reportData().get("class-labels"));
        return fromRun == null ? List.of() : fromRun;
    }

    private static List<String> indices(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }
}
