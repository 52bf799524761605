package dev.grove.loader.report;

import dev.grove.api.model.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Clusters drawn on the first two principal components of the rows the model saw, coloured by
 * cluster with the centres marked (from report-data.json), and a PCA's scree plot: the share of
 * variance each component explains and the running total (from the model's
 * {@code explained-variance-ratio}, a pipeline step's included).
 */
final class ClusteringSection {

    /** Components shown in a scree plot at most. */
    static final int MAX_COMPONENTS = 50;

    private ClusteringSection() {
    }

    /** The clusters section, or none for a model that is not a clusterer. */
    static Optional<Page.Section> clusters(RunFiles run) {
        Optional<Map<String, Object>> part = run.reportPart("clusters");
        if (part.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> c = part.get();
        double[] x = Plain.doubles(c.get("x"));
        double[] y = Plain.doubles(c.get("y"));
        int[] cluster = Plain.ints(c.get("cluster"));
        double[] cx = Plain.doubles(c.get("centre-x"));
        double[] cy = Plain.doubles(c.get("centre-y"));
        double[] explained = Plain.doubles(c.get("explained"));
        if (x == null || y == null || cluster == null || x.length != y.length || y.length != cluster.length) {
            return Optional.empty();
        }
        int k = cx == null ? 0 : cx.length;
        for (int g : cluster) {
            k = Math.max(k, g + 1);
        }
        int[] sizes = new int[k];
        for (int g : cluster) {
            if (g >= 0) {
                sizes[g]++;
            }
        }
        List<String> names = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            names.add("cluster " + g + " (" + sizes[g] + ")");
        }
        String xLabel = "first principal component" + (explained != null ? " (" + Format.percent(explained[0]) + " of variance)" : "");
        String yLabel = "second component" + (explained != null && explained.length > 1 ? " (" + Format.percent(explained[1]) + ")" : "");
        String split = String.valueOf(run.reportData().getOrDefault("split", ""));
        double rows = Plain.number(c.get("rows"));
        String html = "<figure>" + ScatterChart.svg("clusters", "Clusters on the first two principal components", xLabel, yLabel,
                x, y, cluster, names, cx != null && cy != null && cy.length == cx.length ? cx : null, cy)
                + "<figcaption>" + Html.escape(Format.count(x.length) + " of the " + (Double.isNaN(rows) ? "" : Format.count((long) rows) + " ")
                + (split.equals("train") ? "training" : split.equals("val") ? "validation" : split) + " rows, as the model sees them"
                + " (after the pipeline's transformers); crosses mark the cluster centres.") + "</figcaption></figure>\n";
        return Optional.of(new Page.Section("clusters", "Clusters", html));
    }

    /** The scree plot of the PCA in the model (alone or as a pipeline step), if there is one. */
    static Optional<Page.Section> scree(RunFiles run) {
        if (run.model().isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, ModelState.Array> e : run.model().get().state().arrays().entrySet()) {
            String name = e.getKey();
            if ((name.equals("explained-variance-ratio") || name.endsWith(".explained-variance-ratio")) && e.getValue().isDouble()) {
                double[] shares = e.getValue().doubles();
                int shown = Math.min(shares.length, MAX_COMPONENTS);
                List<String> labels = new ArrayList<>();
                for (int i = 0; i < shown; i++) {
                    labels.add("PC" + (i + 1));
                }
                double total = 0;
                for (double s : shares) {
                    total += s;
                }
                String html = "<figure>" + BarChart.svg("scree", "Explained variance by component", "component",
                        "share of variance", labels, java.util.Arrays.copyOf(shares, shown), true)
                        + "<figcaption>" + Html.escape("The " + shares.length + " kept components explain " + Format.percent(total)
                        + " of the variance" + (shown < shares.length ? "; the first " + shown + " are drawn" : "") + ".")
                        + "</figcaption></figure>\n";
                return Optional.of(new Page.Section("pca", "Principal components", html));
            }
        }
        return Optional.empty();
    }
}
