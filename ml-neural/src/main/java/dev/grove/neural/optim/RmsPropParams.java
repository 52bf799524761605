package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code rmsprop}, {@code torch.optim.RMSprop}.
 *
 * @param lr          learning rate, ≥ 0
 * @param alpha       decay of the squared gradient's running mean, in [0, 1]
 * @param eps         added to the denominator's square root, ≥ 0
 * @param momentum    momentum factor, ≥ 0
 * @param centered    divide by the estimated standard deviation of the gradient (its running
 *                    mean subtracted) rather than its root mean square
 * @param weightDecay L2 coefficient λ ≥ 0 added to the gradient as λ·w
 */
public record RmsPropParams(
        @Doc("Learning rate") @Default("0.01") @Min(0) double lr,
        @Doc("Decay rate of the running mean of squared gradients") @Default("0.99") @Min(0) @Max(1) double alpha,
        @Doc("Added to the square root in the denominator, for stability") @Default("1e-8") @Min(0) double eps,
        @Doc("Momentum factor; 0 for none") @Default("0.0") @Min(0) double momentum,
        @Doc("Normalise by the gradient's estimated variance (its running mean subtracted)") @Default("false") boolean centered,
        @Doc("L2 penalty: weight-decay * w is added to each gradient") @Default("0.0") @Min(0) double weightDecay) {

    /** Validates every param. */
    public RmsPropParams {
        FiniteParams.finite("lr", Params.atLeast("lr", lr, 0, false));
        Params.atMost("alpha", Params.atLeast("alpha", alpha, 0, false), 1, false);
        FiniteParams.finite("eps", Params.atLeast("eps", eps, 0, false));
        FiniteParams.finite("momentum", Params.atLeast("momentum", momentum, 0, false));
        FiniteParams.finite("weight-decay", Params.atLeast("weight-decay", weightDecay, 0, false));
    }

    /** PyTorch's defaults: lr 0.01, alpha 0.99, eps 1e-8, no momentum, not centered, no weight decay. */
    public static RmsPropParams defaults() {
        return new RmsPropParams(0.01, 0.99, 1e-8, 0.0, false, 0.0);
    }
}
