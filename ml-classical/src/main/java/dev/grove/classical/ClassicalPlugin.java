package dev.grove.classical;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;
import dev.grove.classical.bayes.BernoulliNaiveBayes;
import dev.grove.classical.bayes.BernoulliNaiveBayesModel;
import dev.grove.classical.bayes.BernoulliNaiveBayesParams;
import dev.grove.classical.bayes.GaussianNaiveBayes;
import dev.grove.classical.bayes.GaussianNaiveBayesModel;
import dev.grove.classical.bayes.GaussianNaiveBayesParams;
import dev.grove.classical.bayes.MultinomialNaiveBayes;
import dev.grove.classical.bayes.MultinomialNaiveBayesModel;
import dev.grove.classical.bayes.MultinomialNaiveBayesParams;
import dev.grove.classical.cluster.GaussianMixture;
import dev.grove.classical.cluster.GaussianMixtureModel;
import dev.grove.classical.cluster.GaussianMixtureParams;
import dev.grove.classical.cluster.KMeans;
import dev.grove.classical.cluster.KMeansModel;
import dev.grove.classical.cluster.KMeansParams;
import dev.grove.classical.cluster.MiniBatchKMeans;
import dev.grove.classical.cluster.MiniBatchKMeansModel;
import dev.grove.classical.cluster.MiniBatchKMeansParams;
import dev.grove.classical.decomposition.Pca;
import dev.grove.classical.decomposition.PcaModel;
import dev.grove.classical.decomposition.PcaParams;
import dev.grove.classical.linear.ElasticNet;
import dev.grove.classical.linear.ElasticNetParams;
import dev.grove.classical.linear.Lasso;
import dev.grove.classical.linear.LassoParams;
import dev.grove.classical.linear.LinearModel;
import dev.grove.classical.linear.LinearRegression;
import dev.grove.classical.linear.LinearRegressionParams;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionModel;
import dev.grove.classical.linear.LogisticRegressionParams;
import dev.grove.classical.linear.Perceptron;
import dev.grove.classical.linear.PerceptronModel;
import dev.grove.classical.linear.PerceptronParams;
import dev.grove.classical.linear.Ridge;
import dev.grove.classical.linear.RidgeParams;
import dev.grove.classical.svm.LinearSvm;
import dev.grove.classical.svm.LinearSvmModel;
import dev.grove.classical.svm.LinearSvmParams;
import dev.grove.classical.svm.Svm;
import dev.grove.classical.svm.SvmModel;
import dev.grove.classical.svm.SvmParams;
import dev.grove.classical.tree.DecisionTree;
import dev.grove.classical.tree.DecisionTreeModel;
import dev.grove.classical.tree.DecisionTreeParams;
import dev.grove.classical.tree.RandomForest;
import dev.grove.classical.tree.RandomForestModel;
import dev.grove.classical.tree.RandomForestParams;

/** The classical family: registers its estimators with the runtime. Registration only declares; it builds nothing. */
public final class ClassicalPlugin implements Plugin {

    /** Needed by {@link java.util.ServiceLoader}. */
    public ClassicalPlugin() {
    }

    @Override
    public String id() {
        return "grove-classical";
    }

    @Override
    public String apiVersion() {
        return GroveApi.VERSION;
    }

    @Override
    public void register(Registry registry) {
        registry.register(Component.estimator(LogisticRegression.NAME, LogisticRegressionParams.class,
                LogisticRegression::new, LogisticRegressionModel::restore,
                "Logistic (softmax for 3+ classes) regression with an l2, l1 or elastic-net penalty,"
                        + " fitted by L-BFGS or OWL-QN"));
        registry.register(Component.estimator(GaussianNaiveBayes.NAME, GaussianNaiveBayesParams.class,
                GaussianNaiveBayes::new, GaussianNaiveBayesModel::restore,
                "Gaussian naive Bayes: per-class normal features with smoothed variances"));
        registry.register(Component.estimator(MultinomialNaiveBayes.NAME, MultinomialNaiveBayesParams.class,
                MultinomialNaiveBayes::new, MultinomialNaiveBayesModel::restore,
                "Multinomial naive Bayes for counts or frequencies, with additive smoothing"));
        registry.register(Component.estimator(BernoulliNaiveBayes.NAME, BernoulliNaiveBayesParams.class,
                BernoulliNaiveBayes::new, BernoulliNaiveBayesModel::restore,
                "Bernoulli naive Bayes for present/absent (thresholded) features, with additive smoothing"));
        registry.register(Component.transformer(Pca.NAME, PcaParams.class, Pca::new, PcaModel::restore,
                "Principal component analysis: projects centred data on its leading directions of variance"));
        // Also an estimator, so a pipeline may end with it and a run reports its explained variances.
        registry.register(Component.estimator(Pca.NAME, PcaParams.class, Pca::new, PcaModel::restore,
                "Principal component analysis as a pipeline's last step, reporting components and explained variances"));
        registry.register(Component.estimator(LinearRegression.NAME, LinearRegressionParams.class,
                LinearRegression::new, LinearModel::restore,
                "Ordinary least squares by QR; minimum-norm solution for collinear features"));
        registry.register(Component.estimator(Ridge.NAME, RidgeParams.class, Ridge::new, LinearModel::restore,
                "Least squares with an L2 penalty, solved in closed form by Cholesky"));
        registry.register(Component.estimator(Lasso.NAME, LassoParams.class, Lasso::new, LinearModel::restore,
                "Least squares with an L1 penalty, fitted by coordinate descent"));
        registry.register(Component.estimator(ElasticNet.NAME, ElasticNetParams.class, ElasticNet::new,
                LinearModel::restore, "Least squares with mixed L1 and L2 penalties, fitted by coordinate descent"));
        registry.register(Component.estimator(Perceptron.NAME, PerceptronParams.class, Perceptron::new,
                PerceptronModel::restore, "Rosenblatt's perceptron: Heaviside-step neurons, one-vs-rest for 3+ classes"));
        registry.register(Component.estimator(DecisionTree.NAME, DecisionTreeParams.class, DecisionTree::new,
                DecisionTreeModel::restore, "CART decision tree for class or numeric targets, printable as text"));
        registry.register(Component.estimator(RandomForest.NAME, RandomForestParams.class, RandomForest::new,
                RandomForestModel::restore, "Random forest of CART trees on bootstrap samples, with out-of-bag score"));
        registry.register(Component.estimator(Svm.NAME, SvmParams.class, Svm::new, SvmModel::restore,
                "Kernel support vector classifier (libsvm's SMO, one-vs-one), as scikit-learn's SVC"));
        registry.register(Component.estimator(LinearSvm.NAME, LinearSvmParams.class, LinearSvm::new,
                LinearSvmModel::restore, "Linear support vector classifier (liblinear's dual coordinate descent, "
                        + "one-vs-rest), as scikit-learn's LinearSVC"));
        registry.register(Component.estimator(KMeans.NAME, KMeansParams.class, KMeans::new, KMeansModel::restore,
                "k-means clustering: k-means++ seeding, Lloyd or Elkan iterations, best of n-init runs"));
        registry.register(Component.estimator(MiniBatchKMeans.NAME, MiniBatchKMeansParams.class, MiniBatchKMeans::new,
                MiniBatchKMeansModel::restore, "Mini-batch k-means for large or arriving data; updates a model batch by batch"));
        registry.register(Component.estimator(GaussianMixture.NAME, GaussianMixtureParams.class, GaussianMixture::new,
                GaussianMixtureModel::restore,
                "Gaussian mixture fitted by EM (full, tied, diag or spherical covariances); labels, probabilities, sampling"));
    }
}
