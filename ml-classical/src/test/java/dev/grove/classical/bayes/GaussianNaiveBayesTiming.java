package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Times the workload gnb-100k-50d of sklearn-times.json: GaussianNB() on make_classification(100000, 50,
 * n_informative=20, n_classes=4, random_state=0). Not a test: run its main with the CSV of
 * export_bench_data.py ({@code clf-100k-50d-4c.csv}).
 */
public final class GaussianNaiveBayesTiming {

    private GaussianNaiveBayesTiming() {
    }

    /** {@code args[0]}: the CSV; {@code args[1]} (optional): repeats, default 20. */
    public static void main(String[] args) throws IOException {
        Dataset data = BenchmarkData.read(Path.of(args[0]));
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var estimator = new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults());
        double best = BenchmarkData.bestSeconds("gnb-100k-50d", repeats, () -> estimator.fit(data, RunContext.withSeed(0)));
        System.out.printf("gnb-100k-50d best %.4f s%n", best);
    }
}
