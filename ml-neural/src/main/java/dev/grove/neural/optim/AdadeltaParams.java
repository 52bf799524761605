package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code adadelta}, {@code torch.optim.Adadelta}.
 *
 * @param lr          factor applied to each computed update, ≥ 0
 * @param rho         decay of the running means of squared gradients and squared updates, in [0, 1]
 * @param eps         added inside both square roots, ≥ 0
 * @param weightDecay L2 coefficient λ ≥ 0 added to the gradient as λ·w
 */
public record AdadeltaParams(
        @Doc("Factor applied to each computed update") @Default("1.0") @Min(0) double lr,
        @Doc("Decay rate of the running means of squared gradients and squared updates") @Default("0.9") @Min(0) @Max(1) double rho,
        @Doc("Added inside the square roots, for stability") @Default("1e-6") @Min(0) double eps,
        @Doc("L2 penalty: weight-decay * w is added to each gradient") @Default("0.0") @Min(0) double weightDecay) {

    /** Validates every param. */
    public AdadeltaParams {
        FiniteParams.finite("lr", Params.atLeast("lr", lr, 0, false));
        Params.atMost("rho", Params.atLeast("rho", rho, 0, false), 1, false);
        FiniteParams.finite("eps", Params.atLeast("eps", eps, 0, false));
        FiniteParams.finite("weight-decay", Params.atLeast("weight-decay", weightDecay, 0, false));
    }

    /** PyTorch's defaults: lr 1.0, rho 0.9, eps 1e-6, no weight decay. */
    public static AdadeltaParams defaults() {
        return new AdadeltaParams(1.0, 0.9, 1e-6, 0.0);
    }
}
