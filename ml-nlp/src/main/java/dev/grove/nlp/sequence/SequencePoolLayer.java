package dev.grove.nlp.sequence;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** A built {@code sequence-pool} layer: [batch, steps, features] to [batch, features] by tensor operations. */
final class SequencePoolLayer implements Layer {

    private final int[] inputShape;
    private final String mode;

    SequencePoolLayer(int[] inputShape, String mode) {
        this.inputShape = inputShape.clone();
        this.mode = mode;
    }

    @Override
    public String kind() {
        return SequencePoolSpec.KIND;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return new int[] {inputShape[1]};
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        if (input.rank() != 3 || input.dim(1) != inputShape[0] || input.dim(2) != inputShape[1]) {
            throw new IllegalArgumentException(SequencePoolSpec.KIND + ": expected a batch of " + Arrays.toString(inputShape)
                    + " sequences, got " + Arrays.toString(input.shape()));
        }
        int steps = inputShape[0];
        return switch (mode) {
            case "mean" -> input.mean(1);
            case "max" -> input.max(new int[] {1}, false);
            case "first" -> input.slice(1, 0, 1).squeeze(1);
            case "last" -> input.slice(1, steps - 1, steps).squeeze(1);
            default -> throw new IllegalStateException("sequence-pool: unknown mode " + mode);
        };
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
