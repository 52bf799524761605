package dev.grove.nlp.attention;

import dev.grove.neural.layer.Layer;
import dev.grove.tensor.Tensor;
import java.util.Arrays;

/** Checks of the {@code [steps, features]} samples the attention layers take, with messages that name the layer. */
final class SequenceShapes {

    private SequenceShapes() {
    }

    /**
     * Checks that {@code shape} is a sequence sample {@code [steps, features]} with both at least 1.
     *
     * @return a copy of the shape
     */
    static int[] requireSequence(String kind, int[] shape) {
        if (shape == null || shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
            throw new IllegalArgumentException(kind + ": needs [steps, features] input, got "
                    + (shape == null ? "none" : Arrays.toString(shape)));
        }
        return shape.clone();
    }

    /**
     * Checks that {@code input} is a batch {@code [batch, steps, features]} for {@code layer}, built for
     * {@code [max-steps, features]} samples: the same features and at most max-steps steps (fewer are
     * allowed, e.g. a short prompt).
     *
     * @return the number of steps
     */
    static int checkBatch(Layer layer, Tensor input) {
        int[] sample = layer.inputShape();
        int maxSteps = sample[0];
        int features = sample[1];
        int[] shape = input.shape();
        if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[1] > maxSteps || shape[2] != features) {
            throw new IllegalArgumentException(layer.kind() + ": was built for input [batch, steps <= " + maxSteps + ", "
                    + features + "], got a tensor of shape " + Arrays.toString(shape));
        }
        return shape[1];
    }
}
