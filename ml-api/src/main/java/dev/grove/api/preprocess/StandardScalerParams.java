package dev.grove.api.preprocess;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;

/**
 * Params of the {@code standard-scaler} transformer.
 *
 * @param withMean whether to subtract each column's mean
 * @param withStd  whether to divide by each column's standard deviation
 */
public record StandardScalerParams(
        @Doc("subtract each column's mean")
        @Default("true") boolean withMean,
        @Doc("divide by each column's population standard deviation (1 for a constant column)")
        @Default("true") boolean withStd) {

    /** Centre and scale. */
    public static StandardScalerParams defaults() {
        return new StandardScalerParams(true, true);
    }
}
