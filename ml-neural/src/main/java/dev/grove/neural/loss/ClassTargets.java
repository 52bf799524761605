package dev.grove.neural.loss;

import dev.grove.tensor.Tensor;
import java.util.Arrays;

/**
 * What the classification losses share: telling a single-output (binary) network from a
 * {@code [batch, classes]} one, reading class-index targets with errors that name the batch row,
 * and building the per-batch one-hot weights the losses multiply by.
 */
final class ClassTargets {

    private ClassTargets() {
    }

    /**
     * Whether {@code output} is a binary classifier's ({@code [batch]} or {@code [batch, 1]}) rather
     * than a categorical one's ({@code [batch, classes]} with at least 2 classes).
     *
     * @throws IllegalArgumentException for any other shape, or an empty batch
     */
    static boolean isBinary(String loss, Tensor output) {
        int[] shape = output.shape();
        boolean binary = shape.length == 1 || (shape.length == 2 && shape[1] == 1);
        if (!binary && shape.length != 2) {
            throw new IllegalArgumentException(loss + ": output shape " + Arrays.toString(shape)
                    + " is neither [batch, classes] (categorical) nor [batch] or [batch, 1] (binary);"
                    + " reshape outputs with more axes (e.g. sequences) to [rows, classes] first");
        }
        if (shape[0] == 0) {
            throw new IllegalArgumentException(loss + ": the batch is empty (output shape " + Arrays.toString(shape) + ")");
        }
        return binary;
    }

    /**
     * The class index of every row of the batch.
     *
     * @param target  {@code [batch]} or {@code [batch, 1]} floats holding whole numbers
     * @param classes the number of classes; 2 for a binary network, whose targets are 0 or 1
     * @throws IllegalArgumentException naming the shape, or the first row whose target is not a
     *                                  whole number in {@code [0, classes)}
     */
    static int[] labels(String loss, Tensor target, int batch, int classes, boolean binary) {
        int[] shape = target.shape();
        boolean fits = target.size() == batch && (shape.length == 1 || (shape.length == 2 && shape[1] == 1));
        if (!fits) {
            throw new IllegalArgumentException(loss + ": the target has shape " + Arrays.toString(shape)
                    + " but the output has " + batch + " rows; expected class indices of shape [" + batch
                    + "] (or [" + batch + ", 1])");
        }
        float[] values = target.toFloatArray();
        int[] labels = new int[batch];
        for (int row = 0; row < batch; row++) {
            float value = values[row];
            if (!(value >= 0 && value < classes) || value != Math.rint(value)) {
                String expected = binary
                        ? "0 or 1 for a network with a single output (binary)"
                        : "a class index, a whole number in [0, " + classes + ")";
                throw new IllegalArgumentException(loss + ": the target of batch row " + row + " is " + value
                        + "; expected " + expected);
            }
            labels[row] = (int) value;
        }
        return labels;
    }

    /**
     * A {@code [batch, classes]} tensor holding {@code hit} at each row's class and {@code miss}
     * elsewhere, outside any graph.
     */
    static Tensor oneHot(int[] labels, int classes, float hit, float miss) {
        float[] values = new float[labels.length * classes];
        Arrays.fill(values, miss);
        for (int row = 0; row < labels.length; row++) {
            values[row * classes + labels[row]] = hit;
        }
        return Tensor.of(values, labels.length, classes);
    }
}
