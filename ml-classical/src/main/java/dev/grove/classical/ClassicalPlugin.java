package dev.grove.classical;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;
import dev.grove.classical.bayes.GaussianNaiveBayes;
import dev.grove.classical.bayes.GaussianNaiveBayesModel;
import dev.grove.classical.bayes.GaussianNaiveBayesParams;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionModel;
import dev.grove.classical.linear.LogisticRegressionParams;

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
                "Logistic (softmax for 3+ classes) regression with an L2 penalty, fitted by L-BFGS"));
        registry.register(Component.estimator(GaussianNaiveBayes.NAME, GaussianNaiveBayesParams.class,
                GaussianNaiveBayes::new, GaussianNaiveBayesModel::restore,
                "Gaussian naive Bayes: per-class normal features with smoothed variances"));
    }
}
