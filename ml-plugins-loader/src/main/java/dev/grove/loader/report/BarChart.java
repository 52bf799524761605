package dev.grove.loader.report;

import java.util.List;

/**
 * Bars with an optional line through their running total, as inline SVG: a PCA scree plot (the
 * share of variance each component explains, and the cumulative share).
 */
final class BarChart {

    private BarChart() {
    }

    /**
     * The SVG, the vertical axis from 0 to 1.
     *
     * @param id         its name in the page ({@code data-chart})
     * @param title      shown above it
     * @param labels     one per bar, e.g. PC1, PC2, …
     * @param shares     each bar's height in [0, 1]
     * @param cumulative whether to draw the running total as a line with points
     */
    static String svg(String id, String title, String xLabel, String yLabel, List<String> labels, double[] shares,
                      boolean cumulative) {
        Axis x = Axis.categories(shares.length);
        ChartFrame frame = new ChartFrame(id, title, x, Axis.linear(0, 1), xLabel, yLabel).xTickLabels(v -> {
            int i = (int) Math.round(v);
            return i >= 0 && i < labels.size() ? labels.get(i) : "";
        });
        StringBuilder sb = new StringBuilder(frame.begin(shares.length + " bars" + (cumulative ? " and their running total" : "")));
        double slot = frame.px(1) - frame.px(0);
        double barWidth = Math.max(1, slot * 0.7);
        for (int i = 0; i < shares.length; i++) {
            double top = frame.py(Math.max(0, Math.min(1, shares[i])));
            sb.append("<rect class=\"bar\" x=\"").append(ChartFrame.num(frame.px(i) - barWidth / 2)).append("\" y=\"")
                    .append(ChartFrame.num(top)).append("\" width=\"").append(ChartFrame.num(barWidth)).append("\" height=\"")
                    .append(ChartFrame.num(frame.plotBottom() - top)).append("\" fill=\"").append(Palette.colour(0)).append("\"><title>")
                    .append(Html.escape(labels.get(i) + ": " + Format.percent(shares[i]))).append("</title></rect>\n");
        }
        if (cumulative) {
            StringBuilder d = new StringBuilder();
            double total = 0;
            for (int i = 0; i < shares.length; i++) {
                total += shares[i];
                String px = ChartFrame.num(frame.px(i));
                String py = ChartFrame.num(frame.py(Math.min(1, total)));
                d.append(i == 0 ? "M" : " L").append(px).append(' ').append(py);
                sb.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"2.5\" fill=\"")
                        .append(Palette.colour(1)).append("\"><title>").append(Html.escape("up to " + labels.get(i) + ": "
                                + Format.percent(total))).append("</title></circle>\n");
            }
            sb.append("<path class=\"series\" fill=\"none\" stroke=\"").append(Palette.colour(1)).append("\" d=\"").append(d).append("\"/>\n");
            sb.append(frame.legend(List.of("each component", "cumulative"), List.of(Palette.colour(0), Palette.colour(1))));
        }
        return sb.append(frame.end()).toString();
    }
}
