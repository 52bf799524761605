package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Points on a plane coloured by group, with each group's centre drawn as a large outlined cross, as
 * inline SVG: clusters on the first two principal components, a VAE's latent codes by class.
 */
final class ScatterChart {

    private ScatterChart() {
    }

    /**
     * The SVG.
     *
     * @param id      its name in the page ({@code data-chart})
     * @param title   shown above it
     * @param x       horizontal position of each point
     * @param y       vertical position of each point
     * @param group   each point's group, 0 … groups − 1
     * @param names   each group's name in the legend
     * @param centreX each group's centre, or null for none
     * @param centreY each group's centre, or null for none
     */
    static String svg(String id, String title, String xLabel, String yLabel, double[] x, double[] y, int[] group,
                      List<String> names, double[] centreX, double[] centreY) {
        double[] xs = range(x, centreX);
        double[] ys = range(y, centreY);
        ChartFrame frame = new ChartFrame(id, title, Axis.linear(xs[0], xs[1]), Axis.linear(ys[0], ys[1]), xLabel, yLabel);
        StringBuilder sb = new StringBuilder(frame.begin(x.length + " points in " + names.size() + " groups"
                + (centreX == null ? "" : ", centres marked with crosses")));
        double radius = x.length > 1000 ? 1.8 : x.length > 300 ? 2.4 : 3.2;
        sb.append("<g class=\"points\">\n");
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                sb.append("<circle cx=\"").append(ChartFrame.num(frame.px(x[i]))).append("\" cy=\"").append(ChartFrame.num(frame.py(y[i])))
                        .append("\" r=\"").append(radius).append("\" fill=\"").append(Palette.colour(group[i])).append("\"/>\n");
            }
        }
        sb.append("</g>\n");
        if (centreX != null) {
            for (int g = 0; g < centreX.length; g++) {
                double cx = frame.px(centreX[g]);
                double cy = frame.py(centreY[g]);
                String d = "M" + ChartFrame.num(cx - 7) + ' ' + ChartFrame.num(cy - 7) + " L" + ChartFrame.num(cx + 7) + ' '
                        + ChartFrame.num(cy + 7) + " M" + ChartFrame.num(cx - 7) + ' ' + ChartFrame.num(cy + 7) + " L"
                        + ChartFrame.num(cx + 7) + ' ' + ChartFrame.num(cy - 7);
                sb.append("<path class=\"centre-outline\" d=\"").append(d).append("\"/>\n");
                sb.append("<path class=\"centre\" stroke=\"").append(Palette.colour(g)).append("\" d=\"").append(d).append("\"><title>")
                        .append(Html.escape("centre of " + names.get(g))).append("</title></path>\n");
            }
        }
        List<String> colours = new ArrayList<>();
        for (int g = 0; g < names.size(); g++) {
            colours.add(Palette.colour(g));
        }
        sb.append(frame.legend(names, colours));
        return sb.append(frame.end()).toString();
    }

    private static double[] range(double[] values, double[] more) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (more != null) {
            for (double v : more) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            return new double[] {0, 1};
        }
        // A little room so the outermost points do not sit on the axes.
        double pad = (high - low) * 0.04;
        return new double[] {low - pad, high + pad};
    }
}
