package dev.grove.loader.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The frame every chart with two axes shares: an SVG of {@value #WIDTH}×{@value #HEIGHT} units
 * (scaled to the page width) with a title, grid lines, ticks, axis labels and a legend row, and the
 * mapping from data values to positions in the plot area.
 */
final class ChartFrame {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final double LEFT = 70;
    private static final double RIGHT = 20;
    private static final double TOP = 56;
    private static final double BOTTOM = 48;

    private final String id;
    private final String title;
    private final Axis x;
    private final Axis y;
    private final String xLabel;
    private final String yLabel;
    private DoubleFunction<String> xTickLabel;

    /**
     * A frame.
     *
     * @param id     the chart's name in the page ({@code data-chart}), e.g. {@code loss}
     * @param title  shown above the plot
     * @param xLabel what the horizontal axis measures
     * @param yLabel what the vertical axis measures
     */
    ChartFrame(String id, String title, Axis x, Axis y, String xLabel, String yLabel) {
        this.id = id;
        this.title = title;
        this.x = x;
        this.y = y;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xTickLabel = x::label;
    }

    /** Labels horizontal ticks with {@code labels} (a categorical axis) instead of their values. */
    ChartFrame xTickLabels(DoubleFunction<String> labels) {
        this.xTickLabel = labels;
        return this;
    }

    /** The horizontal position of {@code value}. */
    double px(double value) {
        return LEFT + x.fraction(value) * (WIDTH - LEFT - RIGHT);
    }

    /** The vertical position of {@code value}. */
    double py(double value) {
        return HEIGHT - BOTTOM - y.fraction(value) * (HEIGHT - TOP - BOTTOM);
    }

    /** Whether {@code value} can be placed on the vertical axis (finite, and positive on a log axis). */
    boolean placeableY(double value) {
        return Double.isFinite(value) && (!y.isLog() || value > 0);
    }

    /** Whether {@code value} can be placed on the horizontal axis. */
    boolean placeableX(double value) {
        return Double.isFinite(value) && (!x.isLog() || value > 0);
    }

    /** The opening tag, title, grid, ticks and axis labels; the chart's marks follow, then {@link #end}. */
    String begin(String description) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"").append(Html.escape(id))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title + ": " + description)).append("\">\n");
        sb.append("<title>").append(Html.escape(title)).append("</title>\n");
        sb.append("<text class=\"chart-title\" x=\"").append(WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\">")
                .append(Html.escape(title)).append("</text>\n");
        double left = LEFT;
        double right = WIDTH - RIGHT;
        double top = TOP;
        double bottom = HEIGHT - BOTTOM;
        for (double tick : y.ticks()) {
            double ty = py(tick);
            sb.append(line(left, ty, right, ty, "grid"));
            sb.append("<text class=\"tick\" x=\"").append(num(left - 6)).append("\" y=\"").append(num(ty + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(y.label(tick))).append("</text>\n");
        }
        List<Double> xTicks = thinned(x.ticks());
        for (double tick : xTicks) {
            double tx = px(tick);
            sb.append(line(tx, bottom, tx, bottom + 5, "axis"));
            sb.append("<text class=\"tick\" x=\"").append(num(tx)).append("\" y=\"").append(num(bottom + 18))
                    .append("\" text-anchor=\"middle\">").append(Html.escape(xTickLabel.apply(tick))).append("</text>\n");
        }
        sb.append(line(left, bottom, right, bottom, "axis"));
        sb.append(line(left, top, left, bottom, "axis"));
        sb.append("<text class=\"axis-label\" x=\"").append(num((left + right) / 2)).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>\n");
        sb.append("<text class=\"axis-label\" transform=\"translate(16,").append(num((top + bottom) / 2))
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>\n");
        return sb.toString();
    }

    /**
     * A legend row under the title: a swatch and a name per entry, laid out left to right.
     *
     * @param names   the entries
     * @param colours their colours, same order
     */
    String legend(List<String> names, List<String> colours) {
        StringBuilder sb = new StringBuilder("<g class=\"legend\">\n");
        double at = LEFT;
        double rowY = 38;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            double width = 22 + 6.5 * name.length() + 14;
            if (at + width > WIDTH - RIGHT && at > LEFT) {
                // One legend row fits above the plot; the rest of the entries are named by each line's tooltip.
                break;
            }
            sb.append("<rect x=\"").append(num(at)).append("\" y=\"").append(num(rowY - 8)).append("\" width=\"14\" height=\"8\" fill=\"")
                    .append(colours.get(i)).append("\"/>\n");
            sb.append("<text class=\"legend-text\" x=\"").append(num(at + 18)).append("\" y=\"").append(num(rowY))
                    .append("\">").append(Html.escape(name)).append("</text>\n");
            at += width;
        }
        return sb.append("</g>\n").toString();
    }

    /** Closes the SVG. */
    String end() {
        return "</svg>\n";
    }

    /** The left edge of the plot area. */
    double plotLeft() {
        return LEFT;
    }

    /** The right edge of the plot area. */
    double plotRight() {
        return WIDTH - RIGHT;
    }

    /** The top edge of the plot area. */
    double plotTop() {
        return TOP;
    }

    /** The bottom edge of the plot area. */
    double plotBottom() {
        return HEIGHT - BOTTOM;
    }

    static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\""
                + num(y2) + "\"/>\n";
    }

    /** A coordinate with one decimal: enough on a 640-unit canvas, and short. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** At most a dozen horizontal ticks, so labels do not overlap (every second, third … kept). */
    private static List<Double> thinned(List<Double> ticks) {
        int stride = (int) Math.ceil(ticks.size() / 12.0);
        if (stride <= 1) {
            return ticks;
        }
        List<Double> kept = new java.util.ArrayList<>();
        for (int i = 0; i < ticks.size(); i += stride) {
            kept.add(ticks.get(i));
        }
        return kept;
    }
}
