package dev.grove.neural.optim;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;

/**
 * Params of {@code adamw}, {@code torch.optim.AdamW}: Adam with decoupled weight decay
 * (w ← w − lr·λ·w before each Adam step).
 *
 * @param lr          learning rate, ≥ 0
 * @param beta1       decay of the gradient's running mean, in [0, 1)
 * @param beta2       decay of the squared gradient's running mean, in [0, 1)
 * @param eps         added to the denominator's square root, ≥ 0
 * @param weightDecay decoupled decay coefficient λ ≥ 0
 */
public record AdamWParams(
        @Doc("Learning rate") @Default("0.001") @Min(0) double lr,
        @Doc("Decay rate of the running mean of gradients") @Default("0.9") @Min(0) @Max(value = 1, exclusive = true) double beta1,
        @Doc("Decay rate of the running mean of squared gradients") @Default("0.999") @Min(0) @Max(value = 1, exclusive = true) double beta2,
        @Doc("Added to the square root in the denominator, for stability") @Default("1e-8") @Min(0) double eps,
        @Doc("Decoupled weight decay: each step first shrinks w by lr * weight-decay * w") @Default("0.01") @Min(0) double weightDecay) {

    /** Validates every param. */
    public AdamWParams {
        AdamParams.check(lr, beta1, beta2, eps, weightDecay);
    }

    /** PyTorch's defaults: lr 1e-3, betas 0.9 and 0.999, eps 1e-8, weight decay 0.01. */
    public static AdamWParams defaults() {
        return new AdamWParams(1e-3, 0.9, 0.999, 1e-8, 0.01);
    }
}
