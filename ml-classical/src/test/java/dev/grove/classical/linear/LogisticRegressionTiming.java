package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.bayes.BenchmarkData;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Times the workload logreg-100k-50d-4class-lbfgs of sklearn-times.json: LogisticRegression(max_iter=200)
 * on make_classification(100000, 50, n_informative=20, n_classes=4, random_state=0), raw features.
 * Not a test: run its main with the CSV of export_bench_data.py ({@code clf-100k-50d-4c.csv}).
 */
public final class LogisticRegressionTiming {

    private LogisticRegressionTiming() {
    }

    /** {@code args[0]}: the CSV; {@code args[1]} (optional): repeats, default 5. */
    public static void main(String[] args) throws IOException {
        Dataset data = BenchmarkData.read(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var estimator = new LogisticRegression(LogisticRegressionParams.defaults().withMaxIter(200));
        double best = BenchmarkData.bestSeconds("logreg-100k-50d-4class-lbfgs", repeats,
                () -> estimator.fit(data, RunContext.withSeed(0)));
        System.out.printf("logreg-100k-50d-4class-lbfgs best %.4f s%n", best);
    }
}
