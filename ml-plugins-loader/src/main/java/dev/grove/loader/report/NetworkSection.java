package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network's structure and training dynamics: the summary table (layer, output shape, parameters,
 * totals, as {@code grove summary} prints it), the gradient norm of each layer per epoch (where
 * gradients vanish or explode shows layer by layer), and the learning rate per epoch (the schedule).
 */
final class NetworkSection {

    private NetworkSection() {
    }

    /** The section, or none for a run that is not a network's. */
    static Optional<Page.Section> render(RunFiles run) {
        StringBuilder html = new StringBuilder();
        run.reportPart("summary").ifPresent(summary -> html.append(summaryTable(summary)));
        StringBuilder charts = new StringBuilder();
        gradientNorms(run.history()).ifPresent(svg -> charts.append("<figure>").append(svg)
                .append("<figcaption>The mean over each epoch's steps of the L2 norm of each layer's gradients, before clipping."
                        + " Falling towards zero in early layers: vanishing gradients; growing by orders of magnitude:"
                        + " exploding ones.</figcaption></figure>\n"));
        learningRate(run.history()).ifPresent(svg -> charts.append("<figure>").append(svg)
                .append("<figcaption>The rate of each epoch's last step (warm-up and schedule applied).</figcaption></figure>\n"));
        if (charts.length() > 0) {
            html.append("<div class=\"charts\">\n").append(charts).append("</div>\n");
        }
        return html.length() == 0 ? Optional.empty() : Optional.of(new Page.Section("network", "Network", html.toString()));
    }

    private static String summaryTable(Map<String, Object> summary) {
        StringBuilder sb = new StringBuilder("<div class=\"table-wrap\"><table class=\"figures\" data-table=\"summary\">\n")
                .append("<thead><tr><th>Layer (type)</th><th>Output shape</th><th class=\"num\">Param #</th></tr></thead>\n<tbody>\n");
        if (summary.get("rows") instanceof List<?> rows) {
            for (Object o : rows) {
                if (o instanceof Map<?, ?> row) {
                    List<String> shape = Plain.strings(row.get("output-shape"));
                    sb.append("<tr><td>").append(Html.escape(row.get("name") + " (" + row.get("kind") + ")")).append("</td><td>")
                            .append(Html.escape("(" + (shape == null ? "" : String.join(", ", shape)) + ")"))
                            .append("</td><td class=\"num\">").append(Html.escape(count(row.get("parameters")))).append("</td></tr>\n");
                }
            }
        }
        double total = Plain.number(summary.get("total"));
        double trainable = Plain.number(summary.get("trainable"));
        sb.append("</tbody>\n<tfoot>\n")
                .append("<tr><th colspan=\"2\">Total params</th><th class=\"num\" data-total-params>").append(count(summary.get("total")))
                .append("</th></tr>\n")
                .append("<tr><td colspan=\"2\">Trainable params</td><td class=\"num\">").append(count(summary.get("trainable"))).append("</td></tr>\n")
                .append("<tr><td colspan=\"2\">Non-trainable params</td><td class=\"num\">")
                .append(Double.isNaN(total) || Double.isNaN(trainable) ? "" : Format.count(Math.round(total - trainable)))
                .append("</td></tr>\n</tfoot></table></div>\n");
        return sb.toString();
    }

    private static String count(Object value) {
        double n = Plain.number(value);
        return Double.isNaN(n) ? "" : Format.count(Math.round(n));
    }

    private static Optional<String> gradientNorms(History history) {
        List<String> layers = new ArrayList<>();
        for (String figure : history.fitFigures()) {
            if (figure.startsWith("grad-norm/")) {
                layers.add(figure);
            }
        }
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        History.Scope scope = history.firstWith(layers.get(0)).orElseThrow();
        LineChart chart = new LineChart("gradient-norms", "Gradient norm per layer", "epoch", "gradient L2 norm").logY().integerX();
        for (String layer : layers) {
            double[] values = scope.figure(layer);
            if (values != null) {
                chart.series(layer.substring("grad-norm/".length()), scope.steps(), values);
            }
        }
        return chart.hasPoints() ? Optional.of(chart.svg()) : Optional.empty();
    }

    private static Optional<String> learningRate(History history) {
        return history.firstWith("lr").map(scope -> {
            double[] rates = scope.figure("lr");
            double low = Double.POSITIVE_INFINITY;
            double high = 0;
            for (double r : rates) {
                if (r > 0) {
                    low = Math.min(low, r);
                    high = Math.max(high, r);
                }
            }
            LineChart chart = new LineChart("learning-rate", "Learning rate", "epoch", "learning rate").integerX()
                    .series("", scope.steps(), rates);
            if (high > 0 && high / low >= 10) {
                chart.logY();
            }
            return chart.svg();
        });
    }
}
