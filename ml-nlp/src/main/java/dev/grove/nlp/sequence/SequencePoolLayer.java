package dev.grove.nlp.sequence;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code sequence-pool} layer: [batch, steps, features] to [batch, features] by tensor operations. */
final class SequencePoolLayer extends AbstractLayer {

    private final int steps;
    private final String mode;

    /** @param inputShape [steps, features] */
    SequencePoolLayer(int[] inputShape, String mode) {
        super(SequencePoolSpec.KIND, inputShape, new int[] {inputShape[1]});
        this.steps = inputShape[0];
        this.mode = mode;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
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
