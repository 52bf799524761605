package dev.grove.classical.svm;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.ThreadBudget;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Times {@code svm} (rbf, defaults) and {@code linear-svm} on the scikit-learn benchmark workload
 * {@code svc-rbf-10k-50d}: the first 10,000 rows of {@code clf-100k-50d-4c.csv} as written by
 * /work/shared/reference/export_bench_data.py. Not a test (Surefire does not pick it up); run after
 * {@code mvn test-compile}:
 *
 * <pre>
 * java -Xmx1g -cp ml-classical/target/classes:ml-classical/target/test-classes:ml-api/target/classes:ml-tensor/target/classes \
 *     dev.grove.classical.svm.SvmFitTiming DIR/clf-100k-50d-4c.csv [rows] [repeats]
 * </pre>
 *
 * It prints the first (cold) and the best fit time of each, with the thread budget of the machine.
 */
public final class SvmFitTiming {

    private SvmFitTiming() {
    }

    /** Arguments: the CSV path, optionally the number of rows (10000) and of repeats (3). */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Dataset data = read(csv, rows);
        System.out.printf(Locale.ROOT, "%s: %d rows x %d features, thread budget %d%n", csv.getFileName(), data.rows(),
                data.featureCount(), ThreadBudget.get());
        time("svm rbf (svc-rbf-10k-50d)", new Svm(SvmParams.defaults()), data, repeats);
        time("linear-svm hinge", new LinearSvm(LinearSvmParams.defaults()), data, repeats);
    }

    private static void time(String label, Estimator<? extends Classifier> estimator, Dataset data, int repeats) {
        double best = Double.POSITIVE_INFINITY;
        double first = 0;
        int correct = 0;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            Classifier model = estimator.fit(data, RunContext.withSeed(0));
            double seconds = (System.nanoTime() - start) / 1e9;
            first = r == 0 ? seconds : first;
            best = Math.min(best, seconds);
            if (r == 0) {
                int[] predicted = model.predict(data);
                correct = (int) IntStream.range(0, predicted.length).filter(i -> predicted[i] == data.label(i)).count();
            }
        }
        System.out.printf(Locale.ROOT, "%-28s first fit %.3f s, best of %d %.3f s, training accuracy %.4f%n", label, first,
                repeats, best, (double) correct / data.rows());
    }

    /** The first {@code rows} rows of a headerless CSV whose last column is a class number. */
    private static Dataset read(Path csv, int rows) throws IOException {
        List<double[]> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv)) {
            String line;
            while (lines.size() < rows && (line = reader.readLine()) != null) {
                String[] cells = line.split(",");
                double[] values = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    values[j] = Double.parseDouble(cells[j]);
                }
                lines.add(values);
            }
        }
        int features = lines.get(0).length - 1;
        double[] x = new double[lines.size() * features];
        double[] y = new double[lines.size()];
        int classes = 0;
        for (int i = 0; i < lines.size(); i++) {
            System.arraycopy(lines.get(i), 0, x, i * features, features);
            y[i] = lines.get(i)[features];
            classes = Math.max(classes, (int) y[i] + 1);
        }
        List<String> names = IntStream.range(0, features).mapToObj(j -> "x" + j).toList();
        List<String> labels = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return Dataset.ofFlat(x, y, new Schema(names, "class", labels));
    }
}
