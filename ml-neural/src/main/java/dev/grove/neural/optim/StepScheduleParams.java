package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the {@code step} schedule.
 *
 * @param every epochs between two decays, ≥ 1
 * @param gamma factor applied at each decay, &gt; 0
 */
public record StepScheduleParams(
        @Doc("Epochs between two decays") @Default("10") @Min(1) int every,
        @Doc("Factor the rate is multiplied by at each decay") @Default("0.1") @Min(value = 0, exclusive = true) double gamma) {

    /** Validates every param. */
    public StepScheduleParams {
        Params.atLeast("every", every, 1, false);
        FiniteParams.finite("gamma", Params.atLeast("gamma", gamma, 0, true));
    }

    /** Every 10 epochs, gamma 0.1. */
    public static StepScheduleParams defaults() {
        return new StepScheduleParams(10, 0.1);
    }
}
