package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;

/** An estimator that can also update a fitted model with more data. */
public interface IncrementalEstimator<M extends Model> extends Estimator<M> {

    /** A model updated with {@code data}; {@code previous} is null for the first batch. */
    M partialFit(M previous, Dataset data, RunContext context);
}
