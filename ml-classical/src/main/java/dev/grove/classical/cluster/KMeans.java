package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * k-means clustering, as scikit-learn's {@code KMeans}: {@code n-init} runs, each seeded by greedy
 * k-means++ (or random rows) and iterated by Lloyd's or Elkan's algorithm on the data minus its
 * column means; the run with the lowest inertia (Σ squared distance of each row to its centre) wins,
 * the earliest on ties.
 *
 * <pre>{@code
 * KMeansModel model = new KMeans(KMeansParams.defaults().withK(3)).fit(data, RunContext.withSeed(42));
 * }</pre>
 *
 * <p>Run i draws from its own stream {@code context.rng("init-" + i)}; runs and blocks of rows may
 * execute in parallel, and the model is bitwise the same for any thread budget. Each run records
 * {@code inertia} (against the centres the rows were assigned to) and {@code center-shift} (Σ_c ‖Δc‖²)
 * per iteration in the history under scope {@code init-i}; progress counts iterations of all runs.
 */
public final class KMeans implements Estimator<KMeansModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "kmeans";

    private final KMeansParams params;

    /** An estimator with {@code params}. */
    public KMeans(KMeansParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public KMeansParams params() {
        return params;
    }

    /**
     * Clusters the rows of {@code data} (targets, if any, are ignored).
     *
     * @throws IllegalArgumentException if the data is empty, has fewer rows than k, or holds a NaN or infinity
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public KMeansModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        ClusterInputs.requireShape(NAME, data, "k", params.k());
        if (params.algorithm().equals("elkan")) {
            ClusterInputs.requireTable(NAME, "elkan's distance bounds (use algorithm lloyd)", data.rows(), params.k());
        }
        boolean parallel = context.threads() > 1;
        CentredData centred = CentredData.of(NAME, data, parallel);
        var settings = new KMeansRun.Settings(params.k(), params.init().equals("k-means++"),
                params.algorithm().equals("elkan"), params.maxIter(), params.tol() * centred.meanVariance);
        int runs = params.nInit();
        long total = (long) runs * params.maxIter();
        AtomicLong done = new AtomicLong();
        KMeansRun.Result[] results = new KMeansRun.Result[runs];
        RowBlocks.run(runs, parallel, run -> {
            results[run] = KMeansRun.run(centred, settings, context.rng("init-" + run), parallel, iteration -> {
                context.checkCancelled();
                context.progress().update(NAME, done.incrementAndGet(), total,
                        String.format(Locale.ROOT, "run %d, iteration %d", run + 1, iteration));
            });
            // A run that stopped early completes its share of the progress total.
            context.progress().update(NAME, done.addAndGet(params.maxIter() - results[run].iterations()), total,
                    String.format(Locale.ROOT, "run %d: inertia %.6g", run + 1, results[run].inertia()));
        });
        int best = 0;
        for (int run = 0; run < runs; run++) {
            KMeansRun.Result result = results[run];
            RunContext scoped = context.scoped("init-" + run);
            for (int i = 0; i < result.iterations(); i++) {
                scoped.recordHistory(i + 1, Map.of("inertia", result.inertiaHistory()[i],
                        "center-shift", result.shiftHistory()[i]));
            }
            if (result.inertia() < results[best].inertia()) {
                best = run;
            }
        }
        KMeansRun.Result winner = results[best];
        return new KMeansModel(data.schema(), params.k(), centred.uncentre(winner.centres()), winner.inertia(),
                winner.iterations());
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
