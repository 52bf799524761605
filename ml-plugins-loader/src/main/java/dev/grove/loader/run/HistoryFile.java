package dev.grove.loader.run;

import dev.grove.api.run.HistorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects per-iteration/epoch figures and writes {@code history.csv}: columns {@code scope, step}
 * then every figure name seen, in first-seen order; empty cells where a row lacks a figure.
 */
final class HistoryFile implements HistorySink {

    private record Row(String scope, int step, Map<String, Double> values) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Set<String> columns = new LinkedHashSet<>();

    @Override
    public synchronized void record(String scope, int step, Map<String, Double> values) {
        rows.add(new Row(scope, step, new LinkedHashMap<>(values)));
        columns.addAll(values.keySet());
    }

    /** Writes the file (header only when nothing was recorded). */
    synchronized void write(Path file) {
        StringBuilder sb = new StringBuilder("scope,step");
        for (String c : columns) {
            sb.append(',').append(c);
        }
        sb.append('\n');
        for (Row r : rows) {
            sb.append(r.scope.isEmpty() ? "-" : r.scope).append(',').append(r.step);
            for (String c : columns) {
                Double v = r.values.get(c);
                sb.append(',').append(v == null ? "" : Double.toString(v));
            }
            sb.append('\n');
        }
        try {
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
