package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code adam}, {@code torch.optim.Adam} (without amsgrad).
 *
 * @param lr          learning rate, ≥ 0
 * @param beta1       decay of the gradient's running mean, in [0, 1)
 * @param beta2       decay of the squared gradient's running mean, in [0, 1)
 * @param eps         added to the denominator's square root, ≥ 0
 * @param weightDecay L2 coefficient λ ≥ 0 added to the gradient as λ·w (coupled, unlike adamw)
 */
public record AdamParams(
        @Doc("Learning rate") @Default("0.001") @Min(0) double lr,
        @Doc("Decay rate of the running mean of gradients") @Default("0.9") @Min(0) @Max(value = 1, exclusive = true) double beta1,
        @Doc("Decay rate of the running mean of squared gradients") @Default("0.999") @Min(0) @Max(value = 1, exclusive = true) double beta2,
        @Doc("Added to the square root in the denominator, for stability") @Default("1e-8") @Min(0) double eps,
        @Doc("L2 penalty: weight-decay * w is added to each gradient (adamw decouples it instead)")
        @Default("0.0") @Min(0) double weightDecay) {

    /** Validates every param. */
    public AdamParams {
        check(lr, beta1, beta2, eps, weightDecay);
    }

    /** PyTorch's defaults: lr 1e-3, betas 0.9 and 0.999, eps 1e-8, no weight decay. */
    public static AdamParams defaults() {
        return new AdamParams(1e-3, 0.9, 0.999, 1e-8, 0.0);
    }

    /** The checks {@code adam} and {@code adamw} share. */
    static void check(double lr, double beta1, double beta2, double eps, double weightDecay) {
        FiniteParams.finite("lr", Params.atLeast("lr", lr, 0, false));
        Params.atMost("beta1", Params.atLeast("beta1", beta1, 0, false), 1, true);
        Params.atMost("beta2", Params.atLeast("beta2", beta2, 0, false), 1, true);
        FiniteParams.finite("eps", Params.atLeast("eps", eps, 0, false));
        FiniteParams.finite("weight-decay", Params.atLeast("weight-decay", weightDecay, 0, false));
    }
}
