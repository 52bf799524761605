package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A chart of one or more series of (x, y) points joined by lines, as inline SVG: learning curves,
 * gradient norms, the learning rate, a ROC curve, a metric against a swept parameter. A NaN y leaves
 * a gap; on a log y axis values that are not positive are left out.
 */
final class LineChart {

    /** One series: its name in the legend and its points. */
    private record Series(String name, double[] x, double[] y) {
    }

    /** Points drawn per series at most. */
    static final int MAX_DRAWN = 1_500;

    /** A vertical line at {@code x} with a short label: the best epoch, the chosen run. */
    private record Marker(double x, String label) {
    }

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private boolean logY;
    private boolean logX;
    private boolean integerX;
    private double[] fixedY;
    private double[] fixedX;
    private boolean diagonal;
    private List<String> categories;

    /**
     * An empty chart.
     *
     * @param id     its name in the page ({@code data-chart})
     * @param title  shown above it
     * @param xLabel what the horizontal axis measures
     * @param yLabel what the vertical axis measures
     */
    LineChart(String id, String title, String xLabel, String yLabel) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a series, drawn as a line in the next colour. */
    LineChart series(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Adds a labelled vertical line at {@code x}. */
    LineChart marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    /** Places y values by their logarithm (gradient norms, learning rates spanning decades). */
    LineChart logY() {
        this.logY = true;
        return this;
    }

    /** Places x values by their logarithm (a regularisation strength swept over decades). */
    LineChart logX() {
        this.logX = true;
        return this;
    }

    /** Ticks the horizontal axis at whole numbers only (epochs, iterations, a number of clusters). */
    LineChart integerX() {
        this.integerX = true;
        return this;
    }

    /** Shows exactly {@code [low, high]} vertically instead of fitting the data. */
    LineChart yRange(double low, double high) {
        this.fixedY = new double[] {low, high};
        return this;
    }

    /** Shows exactly {@code [low, high]} horizontally instead of fitting the data. */
    LineChart xRange(double low, double high) {
        this.fixedX = new double[] {low, high};
        return this;
    }

    /** Draws the dotted line y = x (a ROC curve's chance level). */
    LineChart diagonal() {
        this.diagonal = true;
        return this;
    }

    /** Makes the horizontal axis categorical: x value i stands for {@code names.get(i)}. */
    LineChart categories(List<String> names) {
        this.categories = List.copyOf(names);
        return this;
    }

    /** Whether any series has a point to draw. */
    boolean hasPoints() {
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i]) && (!logY || s.y[i] > 0) && (!logX || s.x[i] > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The chart as an SVG element. */
    String svg() {
        double[] xs = bounds(true);
        double[] ys = bounds(false);
        Axis x = categories != null ? Axis.categories(categories.size())
                : fixedX != null ? Axis.linear(fixedX[0], fixedX[1])
                : logX ? Axis.log(xs[0], xs[1]) : Axis.linear(xs[0], xs[1], integerX);
        Axis y = fixedY != null ? Axis.linear(fixedY[0], fixedY[1]) : logY ? Axis.log(ys[0], ys[1]) : Axis.linear(ys[0], ys[1]);
        ChartFrame frame = new ChartFrame(id, title, x, y, xLabel, yLabel);
        if (categories != null) {
            DoubleFunction<String> names = v -> {
                int i = (int) Math.round(v);
                return i >= 0 && i < categories.size() ? categories.get(i) : "";
            };
            frame.xTickLabels(names);
        }
        List<String> names = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            names.add(series.get(i).name);
            colours.add(Palette.colour(i));
            description.append(i == 0 ? "" : "; ").append(series.get(i).name).append(" over ").append(series.get(i).x.length)
                    .append(" points");
        }
        StringBuilder sb = new StringBuilder(frame.begin(description.toString()));
        if (diagonal) {
            sb.append("<line class=\"reference\" x1=\"").append(ChartFrame.num(frame.px(x.min()))).append("\" y1=\"")
                    .append(ChartFrame.num(frame.py(y.min()))).append("\" x2=\"").append(ChartFrame.num(frame.px(x.max())))
                    .append("\" y2=\"").append(ChartFrame.num(frame.py(y.max()))).append("\"/>\n");
        }
        for (Marker m : markers) {
            if (frame.placeableX(m.x)) {
                double mx = frame.px(m.x);
                sb.append(ChartFrame.line(mx, frame.plotTop(), mx, frame.plotBottom(), "marker"));
                boolean rightHalf = mx > (frame.plotLeft() + frame.plotRight()) / 2;
                sb.append("<text class=\"marker-text\" x=\"").append(ChartFrame.num(mx + (rightHalf ? -4 : 4))).append("\" y=\"")
                        .append(ChartFrame.num(frame.plotTop() + 12)).append("\" text-anchor=\"").append(rightHalf ? "end" : "start")
                        .append("\">").append(Html.escape(m.label)).append("</text>\n");
            }
        }
        for (int i = 0; i < series.size(); i++) {
            sb.append(path(frame, series.get(i), Palette.colour(i)));
        }
        if (series.size() > 1 || !series.isEmpty() && !series.get(0).name.isEmpty()) {
            sb.append(frame.legend(names, colours));
        }
        return sb.append(frame.end()).toString();
    }

    /**
     * The series as a path (broken at missing values), with point marks when there are few points.
     * A long series (a mini-batch history) is thinned to about {@value #MAX_DRAWN} evenly spaced
     * points, its last one kept: more would not show at this size and would only make the page heavy.
     */
    private static String path(ChartFrame frame, Series s, String colour) {
        StringBuilder d = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        boolean open = false;
        int placed = 0;
        for (int i = 0; i < s.x.length; i++) {
            if (frame.placeableX(s.x[i]) && frame.placeableY(s.y[i])) {
                placed++;
            }
        }
        int stride = Math.max(1, (int) Math.ceil(s.x.length / (double) MAX_DRAWN));
        for (int i = 0; i < s.x.length; i++) {
            if (stride > 1 && i % stride != 0 && i != s.x.length - 1) {
                continue;
            }
            if (!frame.placeableX(s.x[i]) || !frame.placeableY(s.y[i])) {
                open = false;
                continue;
            }
            String px = ChartFrame.num(frame.px(s.x[i]));
            String py = ChartFrame.num(frame.py(s.y[i]));
            d.append(open ? " L" : " M").append(px).append(' ').append(py);
            open = true;
            if (placed <= 40) {
                marks.append("<circle cx=\"").append(px).append("\" cy=\"").append(py).append("\" r=\"2.5\" fill=\"")
                        .append(colour).append("\"/>\n");
            }
        }
        if (d.length() == 0) {
            return "";
        }
        return "<path class=\"series\" fill=\"none\" stroke=\"" + colour + "\" d=\""
                + d.toString().trim() + "\">" + (s.name.isEmpty() ? "" : "<title>" + Html.escape(s.name) + "</title>") + "</path>\n" + marks;
    }

    /** The smallest and largest placeable value over all series, of x or of y. */
    private double[] bounds(boolean ofX) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] values = ofX ? s.x : s.y;
            double[] other = ofX ? s.y : s.x;
            boolean log = ofX ? logX : logY;
            boolean otherLog = ofX ? logY : logX;
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                double o = other[i];
                if (Double.isFinite(v) && (!log || v > 0) && Double.isFinite(o) && (!otherLog || o > 0)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        for (Marker m : markers) {
            if (ofX && Double.isFinite(m.x)) {
                low = Math.min(low, m.x);
                high = Math.max(high, m.x);
            }
        }
        if (low > high) {
            return (ofX ? logX : logY) ? new double[] {1, 10} : new double[] {0, 1};
        }
        return new double[] {low, high};
    }
}
