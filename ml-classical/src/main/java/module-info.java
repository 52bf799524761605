/**
 * Classical machine learning on float64 data: logistic regression, Gaussian naive Bayes and the
 * L-BFGS optimiser behind them. Needs only the Grove API, so embedders fit models in plain Java.
 */
module dev.grove.classical {
    requires transitive dev.grove.api;

    exports dev.grove.classical;
    exports dev.grove.classical.bayes;
    exports dev.grove.classical.cluster;
    exports dev.grove.classical.decomposition;
    exports dev.grove.classical.linear;
    exports dev.grove.classical.optim;
    exports dev.grove.classical.svm;
    exports dev.grove.classical.tree;

    provides dev.grove.api.spi.Plugin with dev.grove.classical.ClassicalPlugin;
}
