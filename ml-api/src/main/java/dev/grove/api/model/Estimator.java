package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;

/**
 * Learns a {@link Model} from data. Configured by an immutable params record given at construction;
 * {@code fit} never changes the estimator, so one estimator can fit many folds.
 */
@FunctionalInterface
public interface Estimator<M extends Model> {

    /** Fits a new model on {@code data}. */
    M fit(Dataset data, RunContext context);

    /**
     * Fits a new model on {@code data}, watching {@code validation} while it trains (networks report
     * validation figures per epoch and stop early on them). The validation rows never train
     * anything. Estimators that have no use for them ignore them, which is the default.
     */
    default M fit(Dataset data, Dataset validation, RunContext context) {
        return fit(data, context);
    }
}
