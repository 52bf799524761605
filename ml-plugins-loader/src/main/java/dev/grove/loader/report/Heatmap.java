package dev.grove.loader.report;

import java.util.List;

/**
 * A matrix as a grid of shaded cells with row and column labels, as inline SVG: a confusion matrix
 * (rows the true classes, columns the predicted ones, each cell its count, shaded by its share of
 * the row so that small classes show as clearly as large ones).
 */
final class Heatmap {

    private static final double LABEL_ROOM = 110;
    private static final double TOP_ROOM = 96;
    private static final double MAX_CELL = 52;
    private static final double PLOT = 480;
    private static final double MIN_WIDTH = 380;

    private Heatmap() {
    }

    /**
     * The SVG of {@code values} shaded by row share.
     *
     * @param id           its name in the page ({@code data-chart})
     * @param title        shown above it
     * @param rowLabels    one per row, e.g. the true classes
     * @param columnLabels one per column, e.g. the predicted classes
     * @param rowAxis      what rows are, e.g. "true class"
     * @param columnAxis   what columns are, e.g. "predicted class"
     */
    static String svg(String id, String title, double[][] values, List<String> rowLabels, List<String> columnLabels,
                      String rowAxis, String columnAxis) {
        return svg(id, title, values, rowLabels, columnLabels, rowAxis, columnAxis, PLOT);
    }

    /**
     * The SVG of {@code values} shaded by row share, its grid at most {@code plot} units across: a
     * smaller {@code plot} than the usual {@value #PLOT} draws small multiples, its cells and its
     * least width shrunk in the same proportion.
     */
    static String svg(String id, String title, double[][] values, List<String> rowLabels, List<String> columnLabels,
                      String rowAxis, String columnAxis, double plot) {
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        double scale = Math.min(1, plot / PLOT);
        double cell = Math.min(MAX_CELL * scale, plot / Math.max(1, Math.max(rows, columns)));
        // Room for the title however few the columns; drawn at its natural size, never scaled up.
        double width = Math.max(LABEL_ROOM + cell * columns + 20, MIN_WIDTH * scale);
        boolean slanted = columnLabels.stream().anyMatch(l -> l.length() > 3);
        double top = slanted ? TOP_ROOM : TOP_ROOM - 26;
        double height = top + cell * rows + 16;
        double fontSize = Math.max(7, Math.min(13, cell * 0.32));
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart heatmap\" data-chart=\"").append(Html.escape(id))
                .append("\" viewBox=\"0 0 ").append(ChartFrame.num(width)).append(' ').append(ChartFrame.num(height))
                .append("\" style=\"max-width:").append(ChartFrame.num(width)).append("px\" role=\"img\" aria-label=\"")
                .append(Html.escape(title + ": " + rows + " by " + columns + " cells, " + rowAxis + " by " + columnAxis)).append("\">\n");
        sb.append("<title>").append(Html.escape(title)).append("</title>\n");
        sb.append("<text class=\"chart-title\" x=\"").append(ChartFrame.num(width / 2)).append("\" y=\"18\" text-anchor=\"middle\">")
                .append(Html.escape(title)).append("</text>\n");
        sb.append("<text class=\"axis-label\" x=\"").append(ChartFrame.num(LABEL_ROOM + cell * columns / 2)).append("\" y=\"38\" text-anchor=\"middle\">")
                .append(Html.escape(columnAxis + " →")).append("</text>\n");
        sb.append("<text class=\"axis-label\" x=\"4\" y=\"").append(ChartFrame.num(top - 8)).append("\">")
                .append(Html.escape(rowAxis + " ↓")).append("</text>\n");
        for (int c = 0; c < columns; c++) {
            double cx = LABEL_ROOM + cell * (c + 0.5);
            // Long names slant so neighbours do not overlap; short ones (digits) stand upright.
            String place = slanted ? "transform=\"translate(" + ChartFrame.num(cx + 3) + "," + ChartFrame.num(top - 6) + ") rotate(-45)\""
                    : "x=\"" + ChartFrame.num(cx) + "\" y=\"" + ChartFrame.num(top - 6) + "\" text-anchor=\"middle\"";
            sb.append("<text class=\"tick\" ").append(place).append(" style=\"font-size:").append(ChartFrame.num(fontSize))
                    .append("px\">").append(Html.escape(shorten(columnLabels.get(c)))).append("</text>\n");
        }
        for (int r = 0; r < rows; r++) {
            double total = 0;
            for (double v : values[r]) {
                total += v;
            }
            double rowTop = top + cell * r;
            sb.append("<text class=\"tick\" x=\"").append(ChartFrame.num(LABEL_ROOM - 6)).append("\" y=\"")
                    .append(ChartFrame.num(rowTop + cell / 2 + fontSize / 3)).append("\" text-anchor=\"end\" style=\"font-size:")
                    .append(ChartFrame.num(fontSize)).append("px\">").append(Html.escape(shorten(rowLabels.get(r)))).append("</text>\n");
            for (int c = 0; c < columns; c++) {
                double share = total > 0 ? values[r][c] / total : 0;
                double left = LABEL_ROOM + cell * c;
                sb.append("<rect class=\"cell\" x=\"").append(ChartFrame.num(left)).append("\" y=\"").append(ChartFrame.num(rowTop))
                        .append("\" width=\"").append(ChartFrame.num(cell)).append("\" height=\"").append(ChartFrame.num(cell))
                        .append("\" fill=\"").append(Palette.shade(share)).append("\"><title>")
                        .append(Html.escape(rowLabels.get(r) + " → " + columnLabels.get(c) + ": " + Format.number(values[r][c])
                                + " (" + Format.percent(share) + " of the row)")).append("</title></rect>\n");
                if (cell >= 16) {
                    sb.append("<text class=\"cell-text").append(Palette.darkShade(share) ? " on-dark" : "").append("\" x=\"")
                            .append(ChartFrame.num(left + cell / 2)).append("\" y=\"").append(ChartFrame.num(rowTop + cell / 2 + fontSize / 3))
                            .append("\" text-anchor=\"middle\" style=\"font-size:").append(ChartFrame.num(fontSize)).append("px\">")
                            .append(Html.escape(Format.number(values[r][c]))).append("</text>\n");
                }
            }
        }
        return sb.append("</svg>\n").toString();
    }

    /** Long class names are cut so the grid keeps its room. */
    private static String shorten(String label) {
        return label.length() <= 14 ? label : label.substring(0, 13) + "…";
    }
}
