package dev.grove.loader.run;

import dev.grove.api.model.Classifier;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Model;
import dev.grove.api.model.Regressor;
import dev.grove.api.text.TokenGenerator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Metrics computed when an experiment names none, chosen by what the model is: accuracy, f1-macro
 * and log-loss for classifiers, next-token accuracy, log-loss and perplexity for language models, r2,
 * rmse and mae for regressors, silhouette and inertia for clusterers; each is still reported only on splits where it applies. (Silhouette costs time
 * quadratic in the rows, so it is not computed for a network's thousands of images unasked.)
 */
final class DefaultMetrics {

    private static final List<String> CLASSIFIER = List.of("accuracy", "f1-macro", "log-loss");
    private static final List<String> LANGUAGE_MODEL = List.of("accuracy", "log-loss", "perplexity");
    private static final List<String> REGRESSOR = List.of("r2", "rmse", "mae");
    private static final List<String> CLUSTERER = List.of("silhouette", "inertia");

    /** Every default metric, in the order they are reported. */
    static final List<String> NAMES = Stream.of(CLASSIFIER, List.of("perplexity"), REGRESSOR, CLUSTERER)
            .flatMap(List::stream).toList();

    private DefaultMetrics() {
    }

    /** Whether the default metric {@code name} is computed for {@code model}. */
    static boolean suits(String name, Model model) {
        if (model instanceof TokenGenerator) {
            return LANGUAGE_MODEL.contains(name);
        }
        return model instanceof Classifier && CLASSIFIER.contains(name)
                || model instanceof Regressor && REGRESSOR.contains(name)
                || model instanceof Clusterer && CLUSTERER.contains(name);
    }
}
