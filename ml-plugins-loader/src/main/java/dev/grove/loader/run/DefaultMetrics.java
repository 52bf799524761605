package dev.grove.loader.run;

import java.util.List;

/**
 * Metrics computed when an experiment names none; each is reported only on splits where it
 * applies (accuracy for classifiers, r2 for regressors, silhouette for clusterers, …).
 */
final class DefaultMetrics {

    static final List<String> NAMES = List.of("accuracy", "f1-macro", "log-loss", "r2", "rmse", "mae", "silhouette", "inertia");

    private DefaultMetrics() {
    }
}
