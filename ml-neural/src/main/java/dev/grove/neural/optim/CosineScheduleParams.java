package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the {@code cosine} schedule.
 *
 * @param minLr the rate reached at the last step, ≥ 0
 */
public record CosineScheduleParams(
        @Doc("The learning rate reached at the end of training") @Default("0.0") @Min(0) double minLr) {

    /** Validates the param. */
    public CosineScheduleParams {
        FiniteParams.finite("min-lr", Params.atLeast("min-lr", minLr, 0, false));
    }

    /** Annealing down to 0. */
    public static CosineScheduleParams defaults() {
        return new CosineScheduleParams(0.0);
    }
}
