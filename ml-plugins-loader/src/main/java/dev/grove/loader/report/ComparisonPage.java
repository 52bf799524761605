package dev.grove.loader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page comparing runs: a sweep's (written by every {@code grove run … -m}) or any set of run
 * folders ({@code grove compare}). One row per run with its settings and metrics, sortable by any
 * column, the best run marked; and for every setting that varies, a chart of the metrics against
 * it — the chosen metric, and a clustering sweep's inertia (the elbow), silhouette and a mixture's
 * BIC and AIC.
 */
public final class ComparisonPage {

    /** The page's file name in a sweep's folder. */
    public static final String FILE = "comparison.html";

    /** Metrics charted against each setting when runs report them (besides the one the best run was chosen by). */
    private static final List<String> CHARTED = List.of("inertia", "silhouette", "bic", "aic");
    private static final List<String> SPLIT_ORDER = List.of("cv/", "val/", "test/", "train/", "model/");
    private static final int MAX_CHARTED = 4;

    /**
     * One compared run.
     *
     * @param name      its label in the table (the sweep's run folder name, or the folder's path)
     * @param report    its report.html, as a link relative to the page (null for none)
     * @param settings  what makes it differ from the others, by key (a sweep's overrides)
     * @param metrics   its metrics.json
     */
    public record Run(String name, String report, Map<String, String> settings, Map<String, Object> metrics) {
        /** Copies the maps. */
        public Run {
            settings = new LinkedHashMap<>(settings);
            metrics = new LinkedHashMap<>(metrics);
        }
    }

    /**
     * The best run.
     *
     * @param index          its position in the runs
     * @param metric         the metric it was chosen by, e.g. {@code cv/accuracy}
     * @param higherIsBetter which way that metric is better
     */
    public record Best(int index, String metric, boolean higherIsBetter) {
    }

    private ComparisonPage() {
    }

    /**
     * Writes the page to {@code file} (atomically, creating its folder) and returns it.
     *
     * @param title what is compared, e.g. "iris-kmeans sweep"
     * @param best  the best run, or null when none was chosen
     */
    public static Path write(Path file, String title, List<Run> runs, Best best) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + folder + " for " + file.getFileName(), e);
        }
        RunReport.writeAtomically(file, render(title, folder.toString(), runs, best));
        return file;
    }

    static String render(String title, String where, List<Run> runs, Best best) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        for (Run r : runs) {
            keys.addAll(r.settings.keySet());
            r.metrics.forEach((name, value) -> {
                if ((value instanceof Number || value == null) && !name.endsWith("/std")) {
                    metricNames.add(name);
                }
            });
        }
        List<Page.Section> sections = new ArrayList<>();
        sections.add(new Page.Section("runs", "Runs", table(runs, keys, metricNames, best)));
        String charts = charts(runs, keys, metricNames, best);
        if (!charts.isEmpty()) {
            sections.add(new Page.Section("charts", "Metrics against the settings", charts));
        }
        String headline = best == null
                ? "<div class=\"headline\">" + Html.escape(runs.size() + " runs; no best run was chosen (no cv/ or val/ metric; "
                + "--select METRIC picks one).") + "</div>\n"
                : "<div class=\"headline\"><span class=\"figure-box\">best: <b>" + Html.escape(runs.get(best.index()).name())
                + "</b> (" + Html.escape(best.metric() + " " + Format.number(number(runs.get(best.index()).metrics().get(best.metric())))
                + ", " + (best.higherIsBetter() ? "higher" : "lower") + " is better") + ")</span> " + Html.escape(runs.size() + " runs")
                + "</div>\n";
        return Page.render(title, where, headline, sections, true);
    }

    private static String table(List<Run> runs, Set<String> keys, Set<String> metricNames, Best best) {
        StringBuilder sb = new StringBuilder("<div class=\"table-wrap\"><table class=\"sortable figures\" data-table=\"runs\">\n<thead><tr>");
        sb.append("<th>run</th>");
        keys.forEach(k -> sb.append("<th>").append(Html.escape(k)).append("</th>"));
        metricNames.forEach(m -> sb.append("<th class=\"num\">").append(Html.escape(m)).append("</th>"));
        sb.append("<th>best</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            boolean isBest = best != null && best.index() == i;
            sb.append(isBest ? "<tr class=\"best\">" : "<tr>").append("<td>");
            sb.append(r.report == null ? Html.escape(r.name) : "<a href=\"" + Html.escape(r.report) + "\">" + Html.escape(r.name) + "</a>");
            sb.append("</td>");
            for (String k : keys) {
                String v = r.settings.getOrDefault(k, "");
                sb.append("<td").append(isNumber(v) ? " data-value=\"" + Html.escape(v) + "\"" : "").append('>').append(Html.escape(v)).append("</td>");
            }
            for (String m : metricNames) {
                double v = number(r.metrics.get(m));
                sb.append("<td class=\"num\"").append(Double.isNaN(v) ? "" : " data-value=\"" + v + "\"").append('>')
                        .append(r.metrics.containsKey(m) ? Html.escape(Format.number(v)) : "").append("</td>");
            }
            sb.append("<td>").append(isBest ? "★ best" : "").append("</td></tr>\n");
        }
        sb.append("</tbody></table></div>\n");
        sb.append(Html.note("Click a column's heading to sort by it; click again for the other order."
                + (best == null ? "" : " The best run was chosen by " + best.metric() + "; its model, fitted on all training rows,"
                + " is best-model.grove in a sweep's folder.")));
        return sb.toString();
    }

    /** For each setting that takes two values or more, a chart per charted metric. */
    private static String charts(List<Run> runs, Set<String> keys, Set<String> metricNames, Best best) {
        List<String> charted = chartedMetrics(metricNames, best);
        StringBuilder sb = new StringBuilder();
        for (String key : keys) {
            List<String> values = runs.stream().map(r -> r.settings.getOrDefault(key, "")).toList();
            if (new LinkedHashSet<>(values).size() < 2) {
                continue;
            }
            for (String metric : charted) {
                LineChart chart = chart(runs, keys, key, values, metric, best);
                if (chart.hasPoints()) {
                    sb.append("<figure>").append(chart.svg()).append("</figure>\n");
                }
            }
        }
        return sb.length() == 0 ? "" : "<div class=\"charts\">\n" + sb + "</div>\n";
    }

    /** The chosen metric, then inertia, silhouette, BIC and AIC where reported (from the first split that has them). */
    private static List<String> chartedMetrics(Set<String> metricNames, Best best) {
        List<String> charted = new ArrayList<>();
        if (best != null) {
            charted.add(best.metric());
        }
        for (String name : CHARTED) {
            for (String split : SPLIT_ORDER) {
                if (metricNames.contains(split + name)) {
                    if (!charted.contains(split + name)) {
                        charted.add(split + name);
                    }
                    break;
                }
            }
        }
        if (charted.isEmpty()) {
            for (String split : SPLIT_ORDER) {
                metricNames.stream().filter(m -> m.startsWith(split)).findFirst().ifPresent(m -> {
                    if (charted.isEmpty()) {
                        charted.add(m);
                    }
                });
            }
        }
        return charted.subList(0, Math.min(MAX_CHARTED, charted.size()));
    }

    /** {@code metric} against setting {@code key}, one line per combination of the other settings. */
    private static LineChart chart(List<Run> runs, Set<String> keys, String key, List<String> values, String metric, Best best) {
        boolean numeric = values.stream().allMatch(ComparisonPage::isNumber);
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(values));
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        if (numeric) {
            for (String v : values) {
                low = Math.min(low, Double.parseDouble(v));
                high = Math.max(high, Double.parseDouble(v));
            }
        }
        boolean logX = numeric && low > 0 && high / low >= 100;
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        double bestX = Double.NaN;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            StringBuilder others = new StringBuilder();
            for (String k : keys) {
                if (!k.equals(key)) {
                    others.append(others.length() == 0 ? "" : ", ").append(k).append('=').append(r.settings.getOrDefault(k, ""));
                }
            }
            double x = numeric ? Double.parseDouble(values.get(i)) : categories.indexOf(values.get(i));
            lines.computeIfAbsent(others.toString(), o -> new ArrayList<>()).add(new double[] {x, number(r.metrics.get(metric))});
            if (best != null && best.index() == i && metric.equals(best.metric())) {
                bestX = x;
            }
        }
        LineChart chart = new LineChart("sweep-" + CurvesSection.slug(metric) + "-vs-" + CurvesSection.slug(key),
                metric + " against " + key, key, metric);
        if (!numeric) {
            chart.categories(categories);
        } else if (logX) {
            chart.logX();
        } else if (values.stream().allMatch(v -> Double.parseDouble(v) == Math.rint(Double.parseDouble(v)))) {
            chart.integerX();
        }
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            List<double[]> points = new ArrayList<>(line.getValue());
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
            chart.series(lines.size() == 1 ? "" : line.getKey(), xs, ys);
        }
        if (!Double.isNaN(bestX)) {
            chart.marker(bestX, "best run");
        }
        return chart;
    }

    private static boolean isNumber(String text) {
        if (text.isBlank()) {
            return false;
        }
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
