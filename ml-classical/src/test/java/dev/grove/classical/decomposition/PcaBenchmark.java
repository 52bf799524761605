package dev.grove.classical.decomposition;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times PCA on the {@code pca-20k-256d-full} workload of ../shared/reference/export_bench_data.py
 * (uniform-20k-256d.csv: 20 000 rows × 256 features, then a label column), keeping 32 components as
 * scikit-learn's {@code PCA(n_components=32, svd_solver="full")} does in sklearn-times.json. Not a
 * test (Surefire does not pick it up); run it by hand:
 *
 * <pre>
 * java -Xmx1g -cp ml-classical/target/classes:ml-classical/target/test-classes:ml-api/target/classes:ml-tensor/target/classes \
 *     dev.grove.classical.decomposition.PcaBenchmark /tmp/bench/uniform-20k-256d.csv [repetitions]
 * </pre>
 *
 * It prints the best and median wall time of each solver, best-of-N as scikit-learn's figure is.
 */
public final class PcaBenchmark {

    private PcaBenchmark() {
    }

    /** Args: the CSV path, then optionally the number of timed repetitions (default 10). */
    public static void main(String[] args) throws IOException {
        Dataset data = readUnlabelled(Path.of(args[0]));
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf(Locale.ROOT, "%s, %d threads%n", data, Runtime.getRuntime().availableProcessors());
        for (String solver : List.of("svd", "eigen")) {
            Pca pca = new Pca(PcaParams.defaults().withComponents(32).withSolver(solver));
            double[] seconds = new double[repetitions];
            PcaModel model = null;
            for (int r = 0; r < repetitions; r++) {
                long start = System.nanoTime();
                model = pca.fit(data, RunContext.withSeed(0));
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "pca-20k-256d -> 32, solver %-5s best %.4f s, median %.4f s (%s)%n", solver,
                    seconds[0], seconds[repetitions / 2], model);
        }
    }

    private static Dataset readUnlabelled(Path path) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                double[] row = new double[cells.length - 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < rows.get(0).length; j++) {
            names.add("x" + j);
        }
        return Dataset.of(rows.toArray(double[][]::new), null, Schema.unlabelled(names));
    }
}
