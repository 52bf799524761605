package dev.grove.neural.loss;

import dev.grove.tensor.Tensor;

/**
 * The hinge loss with margin 1.
 *
 * <ul>
 *   <li>Multi-class, for outputs {@code [batch, K]} with K ≥ 2 and class-index targets: the
 *       Weston–Watkins form {@code torch.nn.MultiMarginLoss} computes (p = 1, margin 1), the batch
 *       mean of Σ_{j≠y} max(0, 1 − x_y + x_j) / K.</li>
 *   <li>Binary, for outputs {@code [batch]} or {@code [batch, 1]} and targets 0 or 1 read as
 *       t = −1 or +1: the batch mean of max(0, 1 − t·x), the SVM's loss on a raw score.</li>
 * </ul>
 */
public final class HingeLoss implements Loss {

    /** The component name. */
    public static final String NAME = "hinge";

    /** The loss (it has no params). */
    public HingeLoss() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the output is not {@code [batch, K]}, {@code [batch]} or
     *                                  {@code [batch, 1]}, or a target is not a class index (naming
     *                                  the batch row)
     */
    @Override
    public Tensor compute(Tensor output, Tensor target) {
        boolean binary = ClassTargets.isBinary(NAME, output);
        int batch = output.dim(0);
        if (binary) {
            int[] labels = ClassTargets.labels(NAME, target, batch, 2, true);
            float[] signs = new float[batch];
            for (int row = 0; row < batch; row++) {
                signs[row] = labels[row] == 1 ? 1f : -1f;
            }
            return Tensor.of(signs, output.shape()).mul(output).neg().add(1f).relu().mean();
        }
        int classes = output.dim(1);
        int[] labels = ClassTargets.labels(NAME, target, batch, classes, false);
        float[] indices = new float[batch];
        for (int row = 0; row < batch; row++) {
            indices[row] = labels[row];
        }
        Tensor trueScores = output.gather(1, Tensor.of(indices, batch, 1));
        // Masking the true class keeps the j ≠ y terms only (its own term would add max(0, 1) = 1 per row).
        Tensor otherClasses = ClassTargets.oneHot(labels, classes, 0f, 1f);
        return output.sub(trueScores).add(1f).relu().mul(otherClasses).sum().mul(1f / ((float) batch * classes));
    }
}
