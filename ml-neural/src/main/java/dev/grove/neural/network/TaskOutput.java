package dev.grove.neural.network;

import dev.grove.api.data.Schema;
import dev.grove.neural.layer.Layer;
import java.util.Arrays;

/**
 * Checks that a built network answers the data's question: one output per class for a
 * classification (or a single logit for two classes), one number per row for a regression.
 */
final class TaskOutput {

    private TaskOutput() {
    }

    /**
     * Throws unless {@code network}'s output shape fits {@code schema}'s target.
     *
     * @param singleLogitAllowed whether a two-class problem may be answered by one output (the logit
     *                           of the second class): true when the output is a sigmoid or the loss
     *                           takes logits, as binary cross-entropy does
     * @throws IllegalArgumentException naming the expected and the actual output shape
     */
    static void check(String component, Layer network, Schema schema, boolean singleLogitAllowed) {
        if (!schema.hasTarget()) {
            throw new IllegalArgumentException(component + ": the data has no target column to learn; give the data "
                    + "source a target");
        }
        int[] actual = network.outputShape();
        if (schema.isClassification()) {
            int classes = schema.classLabels().size();
            boolean oneLogit = classes == 2 && singleLogitAllowed && Arrays.equals(actual, new int[] {1});
            if (!oneLogit && !Arrays.equals(actual, new int[] {classes})) {
                throw new IllegalArgumentException(component + ": the model outputs shape " + Arrays.toString(actual)
                        + " per sample, but the target '" + schema.targetName() + "' has " + classes
                        + " classes, so the output shape must be [" + classes + "]"
                        + (classes == 2 ? " (or [1] with a sigmoid output or a cross-entropy loss)" : "")
                        + ": end the model with dense: {units: " + classes + "}");
            }
        } else if (!Arrays.equals(actual, new int[] {1})) {
            throw new IllegalArgumentException(component + ": the model outputs shape " + Arrays.toString(actual)
                    + " per sample, but the target '" + schema.targetName() + "' is one number per row, so the output"
                    + " shape must be [1]: end the model with dense: {units: 1}");
        }
    }
}
