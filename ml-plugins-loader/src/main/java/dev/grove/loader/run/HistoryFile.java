package dev.grove.loader.run;

import dev.grove.api.run.HistorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects per-iteration/epoch figures and writes {@code history.csv}: columns {@code scope, step}
 * then every figure name seen, in first-seen order; empty cells where a row lacks a figure (rows of
 * one scope may report different figures, e.g. validation figures only every few epochs).
 *
 * <p>The file is rewritten (atomically) at most every {@value #WRITE_INTERVAL_SECONDS} seconds while
 * figures arrive, and at the end, so a run that is killed keeps most of its history. A resumed run
 * starts from the file it finds: when it records the first row of a scope, the earlier rows of that
 * scope from that step on are dropped, since the resumed run computes them again.
 */
final class HistoryFile implements HistorySink {

    private static final long WRITE_INTERVAL_SECONDS = 2;

    private record Row(String scope, int step, Map<String, Double> values) {
    }

    private final Path file;
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> columns = new LinkedHashSet<>();
    private final Set<String> scopesRecorded = new HashSet<>();
    private long lastWritten = System.nanoTime();

    /**
     * A history written to {@code file}.
     *
     * @param continuing whether to continue the history already in {@code file} (a resumed run)
     */
    HistoryFile(Path file, boolean continuing) {
        this.file = file;
        if (continuing && Files.isRegularFile(file)) {
            read();
        }
    }

    @Override
    public synchronized void record(String scope, int step, Map<String, Double> values) {
        if (scopesRecorded.add(scope)) {
            rows.removeIf(row -> row.scope.equals(scope) && row.step >= step);
        }
        rows.add(new Row(scope, step, new LinkedHashMap<>(values)));
        columns.addAll(values.keySet());
        if (System.nanoTime() - lastWritten >= WRITE_INTERVAL_SECONDS * 1_000_000_000L) {
            write();
        }
    }

    /** Writes the file (header only when nothing was recorded). */
    synchronized void write() {
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
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, sb);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        lastWritten = System.nanoTime();
    }

    /** Reads the rows a previous attempt of the run wrote, in the format {@link #write} uses. */
    private void read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to continue it", e);
        }
        if (lines.isEmpty()) {
            return;
        }
        String[] header = lines.get(0).split(",", -1);
        if (header.length < 2 || !header[0].equals("scope") || !header[1].equals("step")) {
            throw new IllegalStateException(file + " does not start with 'scope,step' as a history written by grove"
                    + " does; move it away to resume with a fresh history");
        }
        for (int c = 2; c < header.length; c++) {
            columns.add(header[c]);
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalStateException(file + " line " + (i + 1) + " has " + cells.length + " cells but the header has "
                        + header.length + "; move the file away to resume with a fresh history");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            try {
                for (int c = 2; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        values.put(header[c], Double.parseDouble(cells[c]));
                    }
                }
                rows.add(new Row(cells[0].equals("-") ? "" : cells[0], Integer.parseInt(cells[1]), values));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " line " + (i + 1) + " holds something that is not a number ("
                        + e.getMessage() + "); move the file away to resume with a fresh history", e);
            }
        }
    }
}
