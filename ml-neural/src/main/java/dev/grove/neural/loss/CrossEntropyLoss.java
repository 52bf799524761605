package dev.grove.neural.loss;

import dev.grove.tensor.Tensor;

/**
 * Cross-entropy from logits, numerically stable for any logit size.
 *
 * <ul>
 *   <li>Categorical, for outputs {@code [batch, K]} with K ≥ 2 and class-index targets {@code [batch]}:
 *       {@code torch.nn.CrossEntropyLoss}, the batch mean of −Σ_j q_j·log softmax(x)_j where q is the
 *       target's one-hot, smoothed to (1 − ε)·one-hot + ε/K.</li>
 *   <li>Binary, for outputs {@code [batch]} or {@code [batch, 1]} and targets 0 or 1:
 *       {@code torch.nn.BCEWithLogitsLoss}, the batch mean of max(z, 0) − z·t + log(1 + e^−|z|).
 *       It is computed as the categorical loss of the logit pair (0, z), whose log-softmax is
 *       (log σ(−z), log σ(z)): the same values, with a gradient σ(z) − t that stays exact at z = 0,
 *       where the max/abs form has kinks. Label smoothing then targets (1 − ε)·t + ε/2.</li>
 * </ul>
 */
public final class CrossEntropyLoss implements Loss {

    /** The component name. */
    public static final String NAME = "cross-entropy";

    private final float labelSmoothing;

    /** The loss with {@code params}' label smoothing. */
    public CrossEntropyLoss(CrossEntropyParams params) {
        this.labelSmoothing = (float) params.labelSmoothing();
    }

    /** The loss without label smoothing. */
    public CrossEntropyLoss() {
        this(CrossEntropyParams.defaults());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the output is not {@code [batch, K]}, {@code [batch]} or
     *                                  {@code [batch, 1]}, the target does not hold one class index
     *                                  per row, or a target is not a whole number in range (naming
     *                                  the batch row)
     */
    @Override
    public Tensor compute(Tensor output, Tensor target) {
        boolean binary = ClassTargets.isBinary(NAME, output);
        int batch = output.dim(0);
        Tensor logits = binary ? Tensor.concat(1, Tensor.zeros(batch, 1), output.reshape(batch, 1)) : output;
        int classes = logits.dim(1);
        int[] labels = ClassTargets.labels(NAME, target, batch, classes, binary);
        float spread = labelSmoothing / classes;
        Tensor targetDistribution = ClassTargets.oneHot(labels, classes, 1f - labelSmoothing + spread, spread);
        return logits.logSoftmax(1).mul(targetDistribution).sum().mul(-1f / batch);
    }

    /** Always true: the loss applies the (log-)softmax or sigmoid itself. */
    @Override
    public boolean takesLogits() {
        return true;
    }
}
