package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of metrics.json as tables: each metric on each split (training, validation, test, and
 * the cross-validation mean ± standard deviation), the model's own scalar figures ({@code model/…}),
 * and the timings.
 */
final class MetricsSection {

    private static final List<String> SPLITS = List.of("train", "val", "test", "cv");
    private static final Map<String, String> SPLIT_NAMES = Map.of("train", "training", "val", "validation", "test", "test",
            "cv", "cross-validation (mean ± std)");
    private static final Map<String, String> SHORT_SPLIT_NAMES = Map.of("train", "training", "val", "validation", "test", "test",
            "cv", "cross-validation");

    private MetricsSection() {
    }

    /** The metrics section, or none when metrics.json holds no figure. */
    static Optional<Page.Section> render(RunFiles run) {
        Map<String, Object> metrics = run.metrics();
        StringBuilder html = new StringBuilder();
        Set<String> names = scalarNames(metrics);
        if (!names.isEmpty()) {
            List<String> splits = SPLITS.stream().filter(s -> names.stream().anyMatch(n -> metrics.get(s + "/" + n) instanceof Number)).toList();
            html.append("<div class=\"table-wrap\"><table class=\"figures\" data-table=\"metrics\">\n<thead><tr><th>metric</th>");
            for (String s : splits) {
                html.append("<th class=\"num\">").append(Html.escape(SPLIT_NAMES.get(s))).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (String name : names) {
                html.append("<tr><td>").append(Html.escape(name)).append("</td>");
                for (String s : splits) {
                    html.append("<td class=\"num\">").append(Html.escape(cell(metrics, s, name))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</tbody></table></div>\n");
        }
        String model = modelFigures(metrics);
        if (!model.isEmpty()) {
            html.append("<h3>The model's own figures</h3>\n").append(model);
        }
        String timings = timings(run);
        if (!timings.isEmpty()) {
            html.append("<h3>Timings</h3>\n").append(timings);
        }
        if (html.length() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Page.Section("metrics", "Metrics", html.toString()));
    }

    /**
     * Up to four key figures for the page header: the scalar metrics of the most trustworthy split
     * there is (test, else validation, else cross-validation, else training).
     */
    static String headline(RunFiles run) {
        Map<String, Object> metrics = run.metrics();
        Set<String> names = scalarNames(metrics);
        for (String split : List.of("test", "val", "cv", "train")) {
            List<String> boxes = new ArrayList<>();
            for (String name : names) {
                if (metrics.get(split + "/" + name) instanceof Number && boxes.size() < 4) {
                    boxes.add("<span class=\"figure-box\">" + Html.escape(SHORT_SPLIT_NAMES.get(split) + " " + name)
                            + " <b>" + Html.escape(cell(metrics, split, name)) + "</b></span>");
                }
            }
            if (!boxes.isEmpty()) {
                return String.join("\n", boxes);
            }
        }
        return "";
    }

    /** The names of the scalar metrics reported on some split, in the order first reported. */
    private static Set<String> scalarNames(Map<String, Object> metrics) {
        Set<String> names = new LinkedHashSet<>();
        metrics.forEach((key, value) -> {
            int slash = key.indexOf('/');
            if (slash > 0 && SPLITS.contains(key.substring(0, slash)) && !key.endsWith("/std")
                    && (value instanceof Number || value == null)) {
                names.add(key.substring(slash + 1));
            }
        });
        return names;
    }

    private static String cell(Map<String, Object> metrics, String split, String name) {
        Object value = metrics.get(split + "/" + name);
        if (!metrics.containsKey(split + "/" + name)) {
            return "";
        }
        if (!(value instanceof Number n)) {
            return "n/a";
        }
        String text = Format.number(n.doubleValue());
        if (split.equals("cv") && metrics.get("cv/" + name + "/std") instanceof Number std) {
            text += " ± " + Format.number(std.doubleValue());
        }
        return text;
    }

    /** The model's scalar figures and text attributes (arrays are in metrics.json and model.grove). */
    private static String modelFigures(Map<String, Object> metrics) {
        StringBuilder rows = new StringBuilder();
        metrics.forEach((key, value) -> {
            if (key.startsWith("model/") && (value instanceof Number || value instanceof String || value instanceof Boolean)) {
                String shown = value instanceof Number n ? Format.number(n.doubleValue()) : value.toString();
                rows.append("<tr><td>").append(Html.escape(key.substring("model/".length()))).append("</td><td class=\"num\">")
                        .append(Html.escape(shown)).append("</td></tr>\n");
            }
        });
        return rows.length() == 0 ? "" : "<table class=\"figures\" data-table=\"model-figures\"><tbody>\n" + rows + "</tbody></table>\n";
    }

    /** Fit and total time from metrics.json; epochs, time per epoch and throughput from the history. */
    private static String timings(RunFiles run) {
        StringBuilder rows = new StringBuilder();
        run.metrics().forEach((key, value) -> {
            if (key.startsWith("time/") && value instanceof Number n) {
                String what = switch (key) {
                    case "time/fit-seconds" -> "fitting";
                    case "time/total-seconds" -> "whole run";
                    default -> key.substring("time/".length());
                };
                rows.append(row(what, Format.seconds(n.doubleValue())));
            }
        });
        run.history().firstWith("seconds").ifPresent(scope -> {
            double[] seconds = scope.figure("seconds");
            double total = 0;
            int epochs = 0;
            for (double s : seconds) {
                if (Double.isFinite(s)) {
                    total += s;
                    epochs++;
                }
            }
            if (epochs > 0) {
                rows.append(row("epochs", Format.count(epochs)));
                rows.append(row("time per epoch (mean)", Format.seconds(total / epochs)));
            }
            double[] throughput = scope.figure("samples-per-second");
            if (throughput != null) {
                double sum = 0;
                int count = 0;
                for (double t : throughput) {
                    if (Double.isFinite(t)) {
                        sum += t;
                        count++;
                    }
                }
                if (count > 0) {
                    rows.append(row("training samples per second (mean)", Format.count(Math.round(sum / count))));
                }
            }
        });
        return rows.length() == 0 ? "" : "<table class=\"figures\" data-table=\"timings\"><tbody>\n" + rows + "</tbody></table>\n";
    }

    private static String row(String what, String value) {
        return "<tr><td>" + Html.escape(what) + "</td><td class=\"num\">" + Html.escape(value) + "</td></tr>\n";
    }
}
