/**
 * Classical machine learning on float64 data: linear and logistic models, naive Bayes, k-means and
 * Gaussian mixtures, PCA, decision trees and forests, kernel and linear SVMs, and the L-BFGS/OWL-QN
 * optimisers behind them. Needs only the Grove API, so embedders fit models in plain Java.
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
