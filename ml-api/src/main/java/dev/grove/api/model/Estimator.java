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
}
