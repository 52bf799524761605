package dev.grove.api.metric;

/**
 * A named measure of a model on one split (accuracy, r2, silhouette, …). Registered as a component
 * of kind METRIC; the runtime computes it on every split it applies to.
 */
public interface Metric {

    /** Whether this metric can be computed for {@code input} (e.g. roc-auc needs two classes and probabilities). */
    boolean appliesTo(MetricInput input);

    /** The value. */
    MetricValue compute(MetricInput input);

    /**
     * Whether a larger value means a better model (accuracy, r2) rather than a smaller one (log-loss,
     * mse, inertia): how a sweep picks its best run.
     */
    default boolean higherIsBetter() {
        return true;
    }
}
