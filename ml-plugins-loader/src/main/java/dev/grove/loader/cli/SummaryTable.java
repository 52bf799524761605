package dev.grove.loader.cli;

import dev.grove.api.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link Summary} as Keras prints one: a row per layer with its name and kind, its output shape
 * per sample ({@code (30, 30, 32)}) and its parameter count, then the totals, all counts with
 * thousands separators.
 */
final class SummaryTable {

    private static final String[] HEADER = {"Layer (type)", "Output shape", "Param #"};
    private static final String GAP = "    ";

    private SummaryTable() {
    }

    /** The table, one line per row, each ending with a newline. */
    static String format(Summary summary) {
        List<String[]> rows = new ArrayList<>();
        for (Summary.Row row : summary.rows()) {
            rows.add(new String[] {row.name() + " (" + row.kind() + ")", shape(row.outputShape()), count(row.parameters())});
        }
        int[] widths = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            widths[c] = HEADER[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        String rule = "=".repeat(widths[0] + widths[1] + widths[2] + 2 * GAP.length());
        StringBuilder sb = new StringBuilder();
        sb.append(line(HEADER, widths)).append(rule).append('\n');
        rows.forEach(row -> sb.append(line(row, widths)));
        sb.append(rule).append('\n');
        sb.append("Total params: ").append(count(summary.total())).append('\n');
        sb.append("Trainable params: ").append(count(summary.trainable())).append('\n');
        sb.append("Non-trainable params: ").append(count(summary.total() - summary.trainable())).append('\n');
        return sb.toString();
    }

    /** Name and shape left-aligned, the count right-aligned so its digits line up. */
    private static String line(String[] cells, int[] widths) {
        return pad(cells[0], widths[0]) + GAP + pad(cells[1], widths[1]) + GAP
                + " ".repeat(widths[2] - cells[2].length()) + cells[2] + "\n";
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    /** {@code (30, 30, 32)}; {@code (1024)} for one axis; {@code ()} for a scalar. */
    static String shape(List<Integer> shape) {
        return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code 122,570}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
