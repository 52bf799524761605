package dev.grove.neural.train;

import dev.grove.neural.loss.Loss;
import dev.grove.tensor.Tensor;

/** A test-scope categorical cross-entropy from logits: {@code -mean_i log softmax(z_i)[t_i]}. */
final class SoftmaxCrossEntropy implements Loss {

    @Override
    public Tensor compute(Tensor logits, Tensor target) {
        int rows = logits.dim(0);
        int classes = logits.dim(1);
        float[] labels = target.toFloatArray();
        float[] oneHot = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            oneHot[r * classes + (int) labels[r]] = 1f;
        }
        return logits.logSoftmax(1).mul(Tensor.of(oneHot, rows, classes)).sum().mul(-1f / rows);
    }

    @Override
    public boolean takesLogits() {
        return true;
    }
}
