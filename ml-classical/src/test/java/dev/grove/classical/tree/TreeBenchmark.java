package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.ThreadBudget;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Times decision-tree and random-forest fits on a synthetic workload written by
 * /work/shared/reference/export_bench_data.py (CSV, label last). Not a test (Surefire does not run it):
 * after {@code mvn -o -q test-compile -pl ml-classical -am}, from the repository root,
 * <pre>
 * java -Xmx1g -cp ml-classical/target/classes:ml-classical/target/test-classes:ml-api/target/classes:\
 *   ml-tensor/target/classes dev.grove.classical.tree.TreeBenchmark /tmp/bench/clf-100k-50d-4c.csv tree 3
 * </pre>
 * Arguments: the CSV, {@code tree} or {@code forest:TREES[:ROWS]} (default params, the first ROWS rows),
 * repetitions (the best time is reported). scikit-learn's reference: {@code tree-100k-50d} in
 * /work/shared/reference/sklearn-times.json.
 */
public final class TreeBenchmark {

    private TreeBenchmark() {
    }

    /** Runs the benchmark named by the arguments and prints the best fit time. */
    public static void main(String[] args) throws IOException {
        Dataset data = read(Path.of(args[0]));
        String what = args.length > 1 ? args[1] : "tree";
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "%s: %d rows x %d features, %d threads%n", args[0], data.rows(), data.featureCount(),
                ThreadBudget.get());
        double best = Double.MAX_VALUE;
        for (int r = 0; r < repetitions; r++) {
            long start = System.nanoTime();
            String summary;
            if (what.equals("tree")) {
                var model = new DecisionTree(DecisionTreeParams.defaults()).fit(data, RunContext.withSeed(0));
                summary = model.nodeCount() + " nodes, depth " + model.depth();
            } else {
                String[] parts = what.split(":");
                Dataset rows = parts.length > 2 ? data.view(IntStream.range(0, Integer.parseInt(parts[2])).toArray()) : data;
                var params = RandomForestParams.defaults().withTrees(Integer.parseInt(parts[1]));
                var model = new RandomForest(params).fit(rows, RunContext.withSeed(0));
                summary = model.treeCount() + " trees, oob " + model.oobScore();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, seconds);
            System.out.printf(Locale.ROOT, "fit %.3f s (%s)%n", seconds, summary);
        }
        System.out.printf(Locale.ROOT, "best %.3f s%n", best);
    }

    private static Dataset read(Path path) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
            }
        }
        int features = rows.get(0).length - 1;
        int classes = 0;
        double[][] x = new double[rows.size()][];
        double[] y = new double[rows.size()];
        for (int i = 0; i < x.length; i++) {
            double[] row = rows.get(i);
            x[i] = Arrays.copyOf(row, features);
            y[i] = row[features];
            classes = Math.max(classes, (int) y[i] + 1);
        }
        List<String> names = IntStream.range(0, features).mapToObj(j -> "x" + j).toList();
        List<String> labels = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return Dataset.of(x, y, new Schema(names, "label", labels));
    }
}
