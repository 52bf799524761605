package dev.grove.bench.classical;

import dev.grove.api.data.Dataset;
import dev.grove.tensor.ThreadBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Times Grove's classical fits on the workloads of scikit-learn's reference timings and prints the
 * ratio Grove / scikit-learn for each, against the goal. {@code ml-bench/classical-bench} builds
 * everything, runs scikit-learn on the same files when it is installed, and calls this with:
 *
 * <pre>
 * --data DIR        the workload CSVs (generated stand-ins of the same shapes when absent)
 * --sklearn FILE    scikit-learn's times from this run (default: the recorded reference figures)
 * --warmup N        untimed fits per workload first, so the JIT has compiled the hot loops (default 3)
 * --repeats N       timed fits per workload after the warm-up; the best is reported (default 3)
 * --only A,B        only the workloads whose names start with one of these
 * </pre>
 */
public final class ClassicalBench {

    private ClassicalBench() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path dataDir = options.containsKey("data") ? Path.of(options.get("data")) : null;
        Map<String, Double> recorded = ReferenceTimes.recorded();
        Map<String, Double> measured = options.containsKey("sklearn") ? ReferenceTimes.read(Path.of(options.get("sklearn"))) : Map.of();
        String sklearnOrigin = measured.isEmpty() ? "the recorded reference figures only"
                : "measured in this run, and the recorded reference figures";
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
        List<String> only = options.containsKey("only") ? Arrays.asList(options.get("only").split(",")) : List.of("");

        System.out.printf(Locale.ROOT, "Grove classical fits, %d threads, max heap %d MiB, best of %d after %d warm-up fits;"
                + " scikit-learn times: %s%n%n", ThreadBudget.get(), Runtime.getRuntime().maxMemory() >> 20, repeats, warmup,
                sklearnOrigin);
        System.out.println("| workload | data | Grove best (s) | scikit-learn now (s) | ratio | scikit-learn recorded (s) | ratio | goal |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        Map<String, WorkloadData.Loaded> cache = new HashMap<>();
        for (Workload workload : Workload.all()) {
            if (only.stream().noneMatch(workload.name()::startsWith)) {
                continue;
            }
            WorkloadData.Loaded loaded = cache.get(workload.data());
            if (loaded == null) {
                cache.clear();
                loaded = WorkloadData.load(dataDir, workload.data());
                cache.put(workload.data(), loaded);
            }
            Dataset data = WorkloadData.head(loaded.data(), workload.rows());
            double grove = bestSeconds(workload, data, warmup, repeats);
            String origin = loaded.origin() == WorkloadData.Origin.CSV ? "CSV" : "generated";
            System.out.printf(Locale.ROOT, "| %s | %s | %.4f | %s | %s | %.1f |%n", workload.name(), origin, grove,
                    comparison(grove, measured.get(workload.name()), workload.goal()),
                    comparison(grove, recorded.get(workload.name()), workload.goal()), workload.goal());
        }
        if (cache.values().stream().anyMatch(l -> l.origin() == WorkloadData.Origin.GENERATED)) {
            System.out.println("\n'generated': the workload CSV was not found, so Grove fitted a stand-in of the same shape;"
                    + " its ratio is indicative only.");
        }
    }

    /** "seconds | ratio" cells, the ratio flagged when it misses the goal; dashes without a reference. */
    private static String comparison(double grove, Double reference, double goal) {
        if (reference == null) {
            return "– | –";
        }
        double ratio = grove / reference;
        return String.format(Locale.ROOT, "%.4f | %.2f%s", reference, ratio, ratio <= goal ? "" : " (over goal)");
    }

    /**
     * The best wall time of {@code repeats} fits after {@code warmup} untimed ones. scikit-learn's
     * compiled code needs no warm-up; the JVM's just-in-time compiler does, and a long-running
     * application pays it once, not per fit.
     */
    private static double bestSeconds(Workload workload, Dataset data, int warmup, int repeats) {
        for (int w = 0; w < warmup; w++) {
            workload.fit().apply(data);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            Object model = workload.fit().apply(data);
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (model == null) {
                throw new IllegalStateException(workload.name() + " returned no model");
            }
        }
        return best;
    }

    private static Map<String, String> options(String[] args) {
        Set<String> known = Set.of("data", "sklearn", "warmup", "repeats", "only");
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!known.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i]
                        + "'; expected --data DIR, --sklearn FILE, --warmup N, --repeats N, --only NAME,...");
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
