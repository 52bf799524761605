package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the {@code exponential} schedule.
 *
 * @param gamma factor applied after every epoch, &gt; 0
 */
public record ExponentialScheduleParams(
        @Doc("Factor the rate is multiplied by after every epoch") @Default("0.95") @Min(value = 0, exclusive = true) double gamma) {

    /** Validates the param. */
    public ExponentialScheduleParams {
        FiniteParams.finite("gamma", Params.atLeast("gamma", gamma, 0, true));
    }

    /** Gamma 0.95 (PyTorch has no default). */
    public static ExponentialScheduleParams defaults() {
        return new ExponentialScheduleParams(0.95);
    }
}
