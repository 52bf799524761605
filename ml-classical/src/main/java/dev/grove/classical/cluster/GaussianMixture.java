package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.Rng;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Gaussian mixture fitted by expectation–maximisation, as scikit-learn's {@code GaussianMixture}:
 * {@code n-init} runs, each started from the responsibilities of a k-means++ labelling (one k-means
 * run, as scikit-learn) or from random ones, iterated until the mean log likelihood per row changes
 * by less than {@code tol}; the run whose last E-step had the highest mean log likelihood wins, the
 * earliest on ties. Densities are evaluated in log space through inverse Cholesky factors, and
 * responsibilities normalised by a shifted log-sum-exp, so nothing overflows.
 *
 * <pre>{@code
 * var model = new GaussianMixture(GaussianMixtureParams.defaults().withComponents(3)).fit(data, RunContext.withSeed(0));
 * }</pre>
 *
 * <p>Run i draws from its own stream {@code context.rng("init-" + i)}; the model is bitwise the same
 * for any thread budget. Each run records {@code log-likelihood} per iteration in the history under
 * scope {@code init-i}.
 */
public final class GaussianMixture implements Estimator<GaussianMixtureModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "gmm";

    private final GaussianMixtureParams params;

    /** An estimator with {@code params}. */
    public GaussianMixture(GaussianMixtureParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public GaussianMixtureParams params() {
        return params;
    }

    /**
     * Fits a mixture to the rows of {@code data} (targets, if any, are ignored).
     *
     * @throws IllegalArgumentException if the data is empty, has fewer rows than components, holds a
     *                                  NaN or infinity, or a covariance becomes singular
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public GaussianMixtureModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int k = params.components();
        double[] x = ClusterInputs.features(NAME, data, "components", k);
        int d = data.featureCount();
        ClusterInputs.requireTable(NAME, "the responsibilities", data.rows(), k);
        boolean parallel = context.threads() > 1;
        CovarianceType type = CovarianceType.of(params.covariance());
        RowPanels panels = new RowPanels(x, d, parallel);
        CentredData forKMeans = params.init().equals("kmeans") ? CentredData.of(x.clone(), d, parallel) : null;
        int runs = params.nInit();
        long total = (long) runs * params.maxIter();
        AtomicLong done = new AtomicLong();
        MixtureEm.Result[] results = new MixtureEm.Result[runs];
        RowBlocks.run(runs, parallel, run -> {
            Rng rng = context.rng("init-" + run);
            MixtureEm em = new MixtureEm(panels, k, type, params.regCovar(), parallel);
            if (forKMeans != null) {
                // scikit-learn: KMeans(n_clusters, n_init=1) with its defaults (k-means++, Lloyd, 300 iterations, tol 1e-4).
                var settings = new KMeansRun.Settings(k, true, false, 300, 1e-4 * forKMeans.meanVariance);
                em.startFromLabels(KMeansRun.run(forKMeans, settings, rng, parallel, i -> context.checkCancelled()).labels());
            } else {
                em.startRandom(rng);
            }
            try {
                results[run] = em.run(params.maxIter(), params.tol(), logLikelihood -> {
                    context.checkCancelled();
                    context.progress().update(NAME, done.incrementAndGet(), total,
                            String.format(Locale.ROOT, "run %d: log-likelihood %.6f", run + 1, logLikelihood));
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(NAME + ": fitting failed in run " + (run + 1) + ": " + e.getMessage()
                        + "; some components have an ill-defined covariance (for instance from collapsed or repeated rows)."
                        + " Use fewer components, a larger reg-covar (now " + params.regCovar() + ") or scaled features", e);
            }
            context.progress().update(NAME, done.addAndGet(params.maxIter() - results[run].iterations()), total, "");
        });
        int best = 0;
        for (int run = 0; run < runs; run++) {
            MixtureEm.Result result = results[run];
            RunContext scoped = context.scoped("init-" + run);
            for (int i = 0; i < result.iterations(); i++) {
                scoped.recordHistory(i + 1, Map.of("log-likelihood", result.history()[i]));
            }
            if (result.lowerBound() > results[best].lowerBound()) {
                best = run;
            }
        }
        MixtureEm.Result winner = results[best];
        Gaussians gaussians = winner.gaussians();
        double logLikelihood = GaussianMixtureModel.meanLogDensity(gaussians, panels, parallel);
        return new GaussianMixtureModel(data.schema(), gaussians, logLikelihood,
                GaussianMixtureModel.bic(gaussians, logLikelihood, x.length / d),
                GaussianMixtureModel.aic(gaussians, logLikelihood, x.length / d), winner.iterations(), winner.converged());
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
