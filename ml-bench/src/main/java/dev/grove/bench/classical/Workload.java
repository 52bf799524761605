package dev.grove.bench.classical;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.classical.bayes.GaussianNaiveBayes;
import dev.grove.classical.bayes.GaussianNaiveBayesParams;
import dev.grove.classical.cluster.GaussianMixture;
import dev.grove.classical.cluster.GaussianMixtureParams;
import dev.grove.classical.cluster.KMeans;
import dev.grove.classical.cluster.KMeansParams;
import dev.grove.classical.decomposition.Pca;
import dev.grove.classical.decomposition.PcaParams;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionParams;
import dev.grove.classical.svm.Svm;
import dev.grove.classical.svm.SvmParams;
import dev.grove.classical.tree.DecisionTree;
import dev.grove.classical.tree.DecisionTreeParams;
import java.util.List;
import java.util.function.Function;

/**
 * One timed fit: the name scikit-learn's figure has in {@code sklearn-times.json}, the data set it
 * uses, how many of its rows, the goal for the ratio Grove/scikit-learn, and the fit itself with the
 * same settings as the reference script ({@code classical_ref.py}).
 *
 * @param name  the key of scikit-learn's time
 * @param data  the workload file (without {@code .csv})
 * @param rows  rows used from it (the SVM takes the first 10,000)
 * @param goal  the largest acceptable ratio Grove time / scikit-learn time
 * @param fit   fits the model and returns it (so the work cannot be optimised away)
 */
record Workload(String name, String data, int rows, double goal, Function<Dataset, Object> fit) {

    private static final RunContext SEED_0 = RunContext.withSeed(0);

    /** The seven fits of the classical family's speed goals. */
    static List<Workload> all() {
        return List.of(
                new Workload("kmeans-200k-16d-k8-lloyd-ninit1", "blobs-200k-16d", Integer.MAX_VALUE, 1.0,
                        data -> new KMeans(KMeansParams.defaults().withK(8).withNInit(1).withMaxIter(100).withAlgorithm("lloyd"))
                                .fit(data, SEED_0)),
                new Workload("logreg-100k-50d-4class-lbfgs", "clf-100k-50d-4c", Integer.MAX_VALUE, 1.0,
                        data -> new LogisticRegression(LogisticRegressionParams.defaults().withMaxIter(200)).fit(data, SEED_0)),
                new Workload("tree-100k-50d", "clf-100k-50d-4c", Integer.MAX_VALUE, 0.5,
                        data -> new DecisionTree(DecisionTreeParams.defaults()).fit(data, SEED_0)),
                new Workload("gnb-100k-50d", "clf-100k-50d-4c", Integer.MAX_VALUE, 1.0,
                        data -> new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults()).fit(data, SEED_0)),
                new Workload("svc-rbf-10k-50d", "clf-100k-50d-4c", 10_000, 1.5,
                        data -> new Svm(SvmParams.defaults()).fit(data, SEED_0)),
                new Workload("pca-20k-256d-full", "uniform-20k-256d", Integer.MAX_VALUE, 1.0,
                        data -> new Pca(PcaParams.defaults().withComponents(32)).fit(data, SEED_0)),
                new Workload("gmm-50k-8d-k8-full", "blobs-50k-8d", Integer.MAX_VALUE, 1.0,
                        data -> new GaussianMixture(GaussianMixtureParams.defaults().withComponents(8).withMaxIter(100))
                                .fit(data, SEED_0)));
    }
}
