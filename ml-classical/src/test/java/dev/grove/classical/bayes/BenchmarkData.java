package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the synthetic benchmark workloads that /work/shared/reference/export_bench_data.py writes (CSV
 * without a header, numeric features, class index last) and times fits on them. Used by the timing
 * mains, which the test suite never runs (speed is never asserted in tests).
 */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /** The workload at {@code path}, with classes named by their index. */
    public static Dataset read(Path path) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    double[] row = new double[cells.length];
                    for (int j = 0; j < cells.length; j++) {
                        row[j] = Double.parseDouble(cells[j]);
                    }
                    rows.add(row);
                }
            }
        }
        int features = rows.get(0).length - 1;
        double[] x = new double[rows.size() * features];
        double[] y = new double[rows.size()];
        int classes = 0;
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * features, features);
            y[i] = rows.get(i)[features];
            classes = Math.max(classes, (int) y[i] + 1);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labels.add(Integer.toString(k));
        }
        return Dataset.ofFlat(x, y, new Schema(names, "y", labels));
    }

    /**
     * Runs {@code fit} {@code repeats} times and returns the best wall time in seconds, printing each
     * with the CPU time the live threads spent meanwhile (the caller and the pool's workers; a figure
     * that a busy machine inflates less than the wall time).
     */
    public static double bestSeconds(String name, int repeats, Supplier<?> fit) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long cpuStart = cpuNanos();
            long start = System.nanoTime();
            Object result = fit.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf("%s run %d: %.4f s wall, %.4f s CPU  %s%n", name, r + 1, seconds, cpuSeconds, result);
        }
        return best;
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }
}
