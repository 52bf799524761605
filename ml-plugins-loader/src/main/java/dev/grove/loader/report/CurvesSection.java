package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Learning curves from history.csv: one chart per figure, with the training and validation values
 * of a figure ({@code train/loss} and {@code val/loss}) on the same chart, and one line per scope
 * when the fit recorded several (k-means initialisations). The loss chart marks the epoch of the
 * lowest validation loss. Gradient norms and the learning rate are drawn by {@link NetworkSection};
 * times per epoch are in the timings table.
 */
final class CurvesSection {

    /** Figures drawn elsewhere, or only summarised. */
    private static final Set<String> ELSEWHERE = Set.of("lr", "seconds", "samples-per-second");
    /** Most lines on one chart; more scopes are named in a note. */
    private static final int MAX_LINES = Palette.SIZE;

    private CurvesSection() {
    }

    /** The section, or none when the history is empty. */
    static Optional<Page.Section> render(History history) {
        List<History.Scope> scopes = history.fitScopes();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String figure : history.fitFigures()) {
            if (ELSEWHERE.contains(figure) || figure.startsWith("grad-norm/")) {
                continue;
            }
            groups.computeIfAbsent(baseName(figure), k -> new ArrayList<>()).add(figure);
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        boolean epochs = history.fitFigures().stream().anyMatch(f -> f.startsWith("train/") || f.startsWith("val/"));
        String xLabel = epochs ? "epoch" : "iteration";
        List<String> scopeLabels = scopeLabels(scopes);
        StringBuilder charts = new StringBuilder("<div class=\"charts\">\n");
        boolean truncated = false;
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            String base = group.getKey();
            LineChart chart = new LineChart("curve-" + slug(base), title(base), xLabel, base).integerX();
            int lines = 0;
            for (int s = 0; s < scopes.size(); s++) {
                History.Scope scope = scopes.get(s);
                for (String figure : group.getValue()) {
                    double[] values = scope.figure(figure);
                    if (values == null) {
                        continue;
                    }
                    if (lines == MAX_LINES) {
                        truncated = true;
                        continue;
                    }
                    String split = figure.equals(base) ? "" : figure.substring(0, figure.indexOf('/'));
                    String name = (split.equals("val") ? "validation" : split.equals("train") ? "training" : split)
                            + (scopes.size() > 1 ? (split.isEmpty() ? "" : " ") + scopeLabels.get(s) : "");
                    chart.series(name, scope.steps(), values);
                    lines++;
                }
            }
            if (base.equals("loss") && group.getValue().contains("val/loss")) {
                lowest(history, "val/loss").ifPresent(m -> chart.marker(m[0], "lowest validation loss ("
                        + xLabel + " " + Format.number(m[0]) + ")"));
            }
            if (chart.hasPoints()) {
                charts.append("<figure>").append(chart.svg()).append("</figure>\n");
            }
        }
        charts.append("</div>\n");
        String html = charts.toString();
        if (truncated) {
            html += Html.note("The fit recorded " + scopes.size() + " runs (scopes); the charts show the first " + MAX_LINES
                    + " lines each.");
        }
        return Optional.of(new Page.Section("curves", "Learning curves", html));
    }

    /** The step with the lowest value of {@code figure} in the first fit scope recording it, and that value. */
    private static Optional<double[]> lowest(History history, String figure) {
        return history.firstWith(figure).flatMap(scope -> {
            double[] values = scope.figure(figure);
            int best = -1;
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i]) && (best < 0 || values[i] < values[best])) {
                    best = i;
                }
            }
            return best < 0 ? Optional.empty() : Optional.of(new double[] {scope.steps()[best], values[best]});
        });
    }

    /** {@code train/loss → loss}; a figure without a split prefix is its own base. */
    static String baseName(String figure) {
        if (figure.startsWith("train/") || figure.startsWith("val/")) {
            return figure.substring(figure.indexOf('/') + 1);
        }
        return figure;
    }

    /** A chart name usable in {@code data-chart}: lower case letters, digits and dashes. */
    static String slug(String text) {
        String s = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "figure" : s;
    }

    private static String title(String base) {
        return base.isEmpty() ? base : Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** Each scope's name without the part all share: {@code fit/step-1/init-3 → init-3}. */
    private static List<String> scopeLabels(List<History.Scope> scopes) {
        List<String[]> parts = scopes.stream().map(s -> s.name().split("/")).toList();
        int common = 0;
        if (scopes.size() > 1) {
            outer:
            while (true) {
                for (String[] p : parts) {
                    if (p.length <= common + 1 || !p[common].equals(parts.get(0)[common])) {
                        break outer;
                    }
                }
                common++;
            }
        }
        List<String> labels = new ArrayList<>();
        for (String[] p : parts) {
            labels.add(String.join("/", java.util.Arrays.copyOfRange(p, Math.min(common, p.length), p.length)));
        }
        return labels;
    }
}
