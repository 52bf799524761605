package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code sgd}, {@code torch.optim.SGD} without dampening.
 *
 * @param lr          learning rate, ≥ 0
 * @param momentum    momentum factor μ, ≥ 0 (0: plain gradient descent)
 * @param nesterov    Nesterov momentum (needs μ &gt; 0)
 * @param weightDecay L2 coefficient λ ≥ 0 added to the gradient as λ·w
 */
public record SgdParams(
        @Doc("Learning rate") @Default("0.01") @Min(0) double lr,
        @Doc("Momentum factor; 0 for plain gradient descent") @Default("0.0") @Min(0) double momentum,
        @Doc("Nesterov momentum (needs momentum > 0)") @Default("false") boolean nesterov,
        @Doc("L2 penalty: weight-decay * w is added to each gradient") @Default("0.0") @Min(0) double weightDecay) {

    /** Validates every param. */
    public SgdParams {
        FiniteParams.finite("lr", Params.atLeast("lr", lr, 0, false));
        FiniteParams.finite("momentum", Params.atLeast("momentum", momentum, 0, false));
        FiniteParams.finite("weight-decay", Params.atLeast("weight-decay", weightDecay, 0, false));
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0, got momentum 0");
        }
    }

    /** lr 0.01, no momentum, no weight decay. */
    public static SgdParams defaults() {
        return new SgdParams(0.01, 0.0, false, 0.0);
    }
}
