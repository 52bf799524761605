package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's {@code history.csv} read back: per scope (e.g. {@code fit/step-1}, or
 * {@code fit/step-0/init-3} for one k-means initialisation) the steps in order and the figures of
 * each. Empty cells are missing figures (NaN).
 */
final class History {

    /** One scope's rows: the step numbers and, per figure name, one value per step (NaN where missing). */
    record Scope(String name, double[] steps, Map<String, double[]> figures) {

        /** The figure's values, or null when this scope never recorded it. */
        double[] figure(String figureName) {
            return figures.get(figureName);
        }

    }

    private final List<String> columns;
    private final List<Scope> scopes;

    private History(List<String> columns, List<Scope> scopes) {
        this.columns = List.copyOf(columns);
        this.scopes = List.copyOf(scopes);
    }

    /** A history with nothing recorded. */
    static History empty() {
        return new History(List.of(), List.of());
    }

    /**
     * Parses the text of a history.csv.
     *
     * @throws IllegalArgumentException naming the line that is not in the format grove writes
     */
    static History parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            return empty();
        }
        String[] header = lines[0].split(",", -1);
        if (header.length < 2 || !header[0].equals("scope") || !header[1].equals("step")) {
            throw new IllegalArgumentException("history.csv does not start with 'scope,step' as grove writes it");
        }
        List<String> columns = List.of(header).subList(2, header.length);
        Map<String, List<double[]>> rowsByScope = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("history.csv line " + (i + 1) + " has " + cells.length + " cells, the header "
                        + header.length);
            }
            double[] row = new double[header.length - 1];
            try {
                row[0] = Double.parseDouble(cells[1]);
                for (int c = 2; c < cells.length; c++) {
                    row[c - 1] = cells[c].isEmpty() ? Double.NaN : Double.parseDouble(cells[c]);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("history.csv line " + (i + 1) + " holds something that is not a number: "
                        + e.getMessage(), e);
            }
            rowsByScope.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(row);
        }
        List<Scope> scopes = new ArrayList<>();
        rowsByScope.forEach((scope, rows) -> {
            double[] steps = new double[rows.size()];
            Map<String, double[]> figures = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                double[] values = new double[rows.size()];
                boolean any = false;
                for (int r = 0; r < rows.size(); r++) {
                    values[r] = rows.get(r)[c + 1];
                    any |= !Double.isNaN(values[r]);
                }
                if (any) {
                    figures.put(columns.get(c), values);
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                steps[r] = rows.get(r)[0];
            }
            scopes.add(new Scope(scope, steps, figures));
        });
        return new History(columns, scopes);
    }

    /** Every scope, in the order first seen. */
    List<Scope> scopes() {
        return scopes;
    }

    /**
     * The scopes of the final fit ({@code fit…}), or every scope when none is (cross-validation folds
     * are not the model the report is about).
     */
    List<Scope> fitScopes() {
        List<Scope> fit = scopes.stream().filter(s -> s.name.equals("fit") || s.name.startsWith("fit/")).toList();
        return fit.isEmpty() ? scopes : fit;
    }

    /** The first fit scope that recorded {@code figure}, if any. */
    Optional<Scope> firstWith(String figure) {
        return fitScopes().stream().filter(s -> s.figures.containsKey(figure)).findFirst();
    }

    /** The figure names recorded in the fit scopes, in column order. */
    Set<String> fitFigures() {
        Set<String> names = new LinkedHashSet<>();
        for (String c : columns) {
            for (Scope s : fitScopes()) {
                if (s.figures.containsKey(c)) {
                    names.add(c);
                }
            }
        }
        return names;
    }
}
