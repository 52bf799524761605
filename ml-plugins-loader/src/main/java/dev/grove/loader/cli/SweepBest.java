package dev.grove.loader.cli;

import dev.grove.api.metric.Metric;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.loader.plugins.ComponentCatalog;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Grid search's last step: picks the best run of a sweep by one metric. Every run already fitted
 * its setting on all training rows after its cross-validation, so the winner's {@code model.grove}
 * is the refitted model a grid search returns.
 *
 * <p>The metric is the one asked for ({@code --select KEY}, with {@code :max} or {@code :min} to
 * say which way is better when the metric is not a registered one), else the first cross-validated
 * metric, else the first validation metric. Choosing on test metrics is possible only by asking:
 * a test split chosen on is no longer a fair test.
 */
final class SweepBest {

    /** The winner: its index among the rows, the metric key, its value and which way is better. */
    record Choice(int index, String metric, double value, boolean higherIsBetter) {
    }

    private SweepBest() {
    }

    /**
     * Checks a {@code --select} value before any run starts, so a typo does not surface after hours
     * of work: without {@code :max}/{@code :min}, its metric must be a registered one.
     *
     * @throws UsageException naming the problem
     */
    static void checkRequest(String requested, ComponentCatalog catalog) {
        if (requested != null && !requested.endsWith(":max") && !requested.endsWith(":min")) {
            direction(requested, catalog);
        }
    }

    /**
     * The best row by {@code requested} (null for the default metric), or empty when no default
     * metric exists.
     *
     * @throws UsageException if {@code requested} names a metric no run reported, or one whose
     *                        direction is unknown and not given
     */
    static Optional<Choice> choose(List<SweepTable.Row> rows, String requested, ComponentCatalog catalog) {
        String key;
        Boolean higher = null;
        if (requested == null) {
            Optional<String> fallback = defaultMetric(rows);
            if (fallback.isEmpty()) {
                return Optional.empty();
            }
            key = fallback.get();
        } else if (requested.endsWith(":max") || requested.endsWith(":min")) {
            key = requested.substring(0, requested.length() - 4);
            higher = requested.endsWith(":max");
        } else {
            key = requested;
        }
        requireReported(rows, key);
        boolean higherIsBetter = higher != null ? higher : direction(key, catalog);
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            double value = value(rows.get(i), key);
            if (Double.isNaN(value)) {
                continue;
            }
            if (best < 0 || (higherIsBetter ? value > value(rows.get(best), key) : value < value(rows.get(best), key))) {
                best = i;
            }
        }
        if (best < 0) {
            throw new UsageException("--select " + key + ": no run has a number for it");
        }
        return Optional.of(new Choice(best, key, value(rows.get(best), key), higherIsBetter));
    }

    private static Optional<String> defaultMetric(List<SweepTable.Row> rows) {
        for (String split : List.of("cv/", "val/")) {
            for (SweepTable.Row row : rows) {
                for (var entry : row.metrics().entrySet()) {
                    String name = entry.getKey();
                    if (name.startsWith(split) && !name.endsWith("/std") && entry.getValue() instanceof Number) {
                        return Optional.of(name);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static void requireReported(List<SweepTable.Row> rows, String key) {
        TreeSet<String> numeric = new TreeSet<>();
        for (SweepTable.Row row : rows) {
            row.metrics().forEach((name, value) -> {
                if (value instanceof Number) {
                    numeric.add(name);
                }
            });
        }
        if (!numeric.contains(key)) {
            throw new UsageException("--select " + key + ": no run reported that metric; the runs reported "
                    + String.join(", ", numeric));
        }
    }

    /** Which way the metric named by the last part of {@code key} ({@code cv/accuracy} → accuracy) is better. */
    private static boolean direction(String key, ComponentCatalog catalog) {
        String[] parts = key.split("/");
        String name = parts.length >= 2 ? parts[1] : key;
        return catalog.find(Kind.METRIC, name)
                .map(entry -> ((Metric) castComponent(entry).create(new NoParams())).higherIsBetter())
                .orElseThrow(() -> new UsageException("--select " + key + ": '" + name
                        + "' is not a registered metric, so which way is better is unknown; add :max or :min, e.g. "
                        + key + ":min"));
    }

    @SuppressWarnings("unchecked")
    private static dev.grove.api.spi.Component<NoParams> castComponent(ComponentCatalog.Entry entry) {
        return (dev.grove.api.spi.Component<NoParams>) entry.component();
    }

    private static double value(SweepTable.Row row, String key) {
        return row.metrics().get(key) instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
