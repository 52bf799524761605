package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Times the clustering fits on the synthetic workloads of {@code export_bench_data.py}; not part of
 * the test suite (no test methods, not named *Test). Run from ml-classical/ after
 * {@code mvn -o test-compile -pl ml-classical -am}:
 *
 * <pre>
 * java -Xmx1g --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:../ml-api/target/classes:../ml-tensor/target/classes \
 *     dev.grove.classical.cluster.ClusterBenchmark DATA_DIR [repetitions]
 * </pre>
 *
 * where DATA_DIR holds blobs-200k-16d.csv and blobs-50k-8d.csv. Prints the best-of-N fit time of
 * each workload (after warm-up fits) next to scikit-learn's from sklearn-times.json.
 */
public final class ClusterBenchmark {

    private ClusterBenchmark() {
    }

    /** Entry point: {@code DATA_DIR [repetitions]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "";
        RunContext context = RunContext.withSeed(0);
        if (only.equals("quality")) {
            quality();
            return;
        }
        if (only.isEmpty() || only.equals("kmeans")) {
            Dataset blobs = read(dir.resolve("blobs-200k-16d.csv"));
            KMeans kmeans = new KMeans(KMeansParams.defaults().withK(8).withNInit(1).withMaxIter(100));
            time("kmeans-200k-16d-k8-lloyd-ninit1", 0.1001, repetitions, () -> kmeans.fit(blobs, context));
            KMeans elkan = new KMeans(KMeansParams.defaults().withK(8).withNInit(1).withMaxIter(100).withAlgorithm("elkan"));
            time("kmeans-200k-16d-k8-elkan-ninit1", Double.NaN, repetitions, () -> elkan.fit(blobs, context));
            MiniBatchKMeans miniBatch = new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(8).withNInit(1));
            time("minibatch-200k-16d-k8-ninit1", Double.NaN, repetitions, () -> miniBatch.fit(blobs, context));
        }
        if (only.isEmpty() || only.equals("gmm")) {
            Dataset blobs = read(dir.resolve("blobs-50k-8d.csv"));
            GaussianMixture gmm = new GaussianMixture(GaussianMixtureParams.defaults().withComponents(8));
            time("gmm-50k-8d-k8-full", 0.1969, repetitions, () -> gmm.fit(blobs, context));
        }
    }

    /** The quality figures compared with scikit-learn in the tests, printed in full. */
    private static void quality() {
        Dataset digits = dev.grove.classical.testing.CsvData.read("digits");
        Dataset iris = dev.grove.classical.testing.CsvData.read("iris");
        for (String algorithm : new String[] {"lloyd", "elkan"}) {
            KMeansModel model = new KMeans(KMeansParams.defaults().withK(10).withAlgorithm(algorithm))
                    .fit(digits, RunContext.withSeed(0));
            System.out.printf(Locale.ROOT, "digits kmeans k=10 n-init 10 %s: inertia %.2f (sklearn 1165177.71, ratio %.5f)%n",
                    algorithm, model.inertia(), model.inertia() / 1165177.71);
        }
        for (String type : new String[] {"full", "tied", "diag", "spherical"}) {
            GaussianMixtureModel model = new GaussianMixture(GaussianMixtureParams.defaults().withComponents(3)
                    .withCovariance(type).withNInit(5)).fit(iris, RunContext.withSeed(0));
            System.out.printf(Locale.ROOT, "iris gmm 3 %s n-init 5: log-likelihood %.6f bic %.4f aic %.4f n-iter %d%n", type,
                    model.logLikelihood(), model.bic(), model.aic(), model.nIter());
        }
        for (long seed = 0; seed < 5; seed++) {
            MiniBatchKMeansModel model = new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(10))
                    .fit(digits, RunContext.withSeed(seed));
            System.out.printf(Locale.ROOT, "digits mini-batch-kmeans k=10 seed %d: inertia %.0f steps %d%n", seed,
                    model.inertia(), model.nSteps());
        }
    }

    private static void time(String name, double sklearnSeconds, int repetitions, Supplier<Object> fit) {
        Object last = null;
        for (int i = 0; i < 3; i++) {
            last = fit.get();
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            last = fit.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%-36s grove %.4f s   sklearn-times.json %.4f s   ratio %.2f   %s%n", name, best,
                sklearnSeconds, best / sklearnSeconds, last);
    }

    /** A CSV of numbers without header, label last (as export_bench_data.py writes), without its label column. */
    static Dataset read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.forEach(line -> {
                String[] cells = line.split(",");
                double[] row = new double[cells.length - 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
            });
        }
        int d = rows.get(0).length;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return Dataset.of(rows.toArray(new double[0][]), null, Schema.unlabelled(names));
    }
}
