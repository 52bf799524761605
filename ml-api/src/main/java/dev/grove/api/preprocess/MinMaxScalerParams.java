package dev.grove.api.preprocess;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;

/**
 * Params of the {@code min-max-scaler} transformer.
 *
 * @param featureRangeMin the value each column's minimum maps to
 * @param featureRangeMax the value each column's maximum maps to; above {@code featureRangeMin}
 */
public record MinMaxScalerParams(
        @Doc("the value each column's minimum maps to")
        @Default("0.0") double featureRangeMin,
        @Doc("the value each column's maximum maps to; must be above feature-range-min")
        @Default("1.0") double featureRangeMax) {

    /** Requires a finite, non-empty range. */
    public MinMaxScalerParams {
        if (!Double.isFinite(featureRangeMin) || !Double.isFinite(featureRangeMax) || featureRangeMin >= featureRangeMax) {
            throw new IllegalArgumentException("feature-range-min must be finite and below feature-range-max, got "
                    + featureRangeMin + " and " + featureRangeMax);
        }
    }

    /** The range [0, 1]. */
    public static MinMaxScalerParams defaults() {
        return new MinMaxScalerParams(0.0, 1.0);
    }
}
