package dev.grove.loader.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison table of a sweep: {@code sweep.csv} and {@code sweep.md}, one row per run, the best
 * run (if one was chosen) marked in a {@code best} column and named under the Markdown table.
 */
final class SweepTable {

    /** One run: its folder, the overrides that made it, and its metrics. */
    record Row(String run, List<String> overrides, Map<String, Object> metrics) {
    }

    private SweepTable() {
    }

    static void write(Path root, List<Row> rows, Optional<SweepBest.Choice> best) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> metricNames = new LinkedHashSet<>();
        for (Row r : rows) {
            r.overrides.forEach(o -> keys.add(o.substring(0, o.indexOf('='))));
            r.metrics.forEach((name, value) -> {
                if (value instanceof Number && !name.startsWith("model/")) {
                    metricNames.add(name);
                }
            });
        }
        List<String> header = new ArrayList<>();
        header.add("run");
        header.addAll(keys);
        header.addAll(metricNames);
        header.add("best");
        List<List<String>> table = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            List<String> cells = new ArrayList<>();
            cells.add(r.run);
            for (String key : keys) {
                cells.add(r.overrides.stream().filter(o -> o.startsWith(key + "="))
                        .map(o -> o.substring(key.length() + 1)).findFirst().orElse(""));
            }
            for (String m : metricNames) {
                Object v = r.metrics.get(m);
                cells.add(v == null ? "" : v.toString());
            }
            cells.add(best.isPresent() && best.get().index() == i ? "yes" : "");
            table.add(cells);
        }
        StringBuilder csv = new StringBuilder(String.join(",", header.stream().map(SweepTable::csvCell).toList())).append('\n');
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|")
                .append(" --- |".repeat(header.size())).append('\n');
        for (List<String> cells : table) {
            csv.append(String.join(",", cells.stream().map(SweepTable::csvCell).toList())).append('\n');
            md.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
        }
        best.ifPresent(choice -> md.append('\n').append(summary(rows, choice)).append('\n'));
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("sweep.csv"), csv);
            Files.writeString(root.resolve("sweep.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep table in " + root, e);
        }
    }

    /** One sentence naming the best run, the metric it won on, and where its model is. */
    static String summary(List<Row> rows, SweepBest.Choice choice) {
        return "Best: " + rows.get(choice.index()).run() + " (" + choice.metric() + " = " + choice.value() + ", "
                + (choice.higherIsBetter() ? "higher" : "lower") + " is better); its model, fitted on all training rows, is "
                + RunCommand.BEST_MODEL + ".";
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
