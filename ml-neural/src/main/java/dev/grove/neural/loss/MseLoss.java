package dev.grove.neural.loss;

import dev.grove.tensor.Tensor;
import java.util.Arrays;

/** The mean squared error over all elements, as {@code torch.nn.MSELoss}: mean((output − target)²). */
public final class MseLoss implements Loss {

    /** The component name. */
    public static final String NAME = "mse";

    /** The loss (it has no params). */
    public MseLoss() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>The target has the output's shape; a {@code [batch]} target against a {@code [batch, 1]}
     * output (or the reverse) is read element by element.
     *
     * @throws IllegalArgumentException when the shapes differ otherwise, or the batch is empty
     */
    @Override
    public Tensor compute(Tensor output, Tensor target) {
        Tensor aligned = aligned(output, target);
        Tensor difference = output.sub(aligned);
        return difference.mul(difference).mean();
    }

    private static Tensor aligned(Tensor output, Tensor target) {
        int[] outputShape = output.shape();
        if (output.size() == 0) {
            throw new IllegalArgumentException(NAME + ": the batch is empty (output shape " + Arrays.toString(outputShape) + ")");
        }
        int[] targetShape = target.shape();
        if (Arrays.equals(outputShape, targetShape)) {
            return target;
        }
        // A [batch] target against a [batch, 1] output would broadcast to [batch, batch] (PyTorch
        // warns and does it); the only sensible reading is element by element.
        boolean columnAndVector = isColumnOf(outputShape, targetShape) || isColumnOf(targetShape, outputShape);
        if (!columnAndVector) {
            throw new IllegalArgumentException(NAME + ": the target has shape " + Arrays.toString(targetShape)
                    + " but the output has shape " + Arrays.toString(outputShape) + "; expected a target shaped like the output");
        }
        return target.reshape(outputShape);
    }

    private static boolean isColumnOf(int[] column, int[] vector) {
        return column.length == 2 && column[1] == 1 && vector.length == 1 && vector[0] == column[0];
    }
}
