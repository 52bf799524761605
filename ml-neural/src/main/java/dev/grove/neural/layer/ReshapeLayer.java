package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code reshape} layer: a reshape to [batch, shape...], which shares the input's storage and keeps its gradient. */
final class ReshapeLayer extends AbstractLayer {

    private final int[] output;

    ReshapeLayer(int[] inputShape, int[] outputShape) {
        super(ReshapeSpec.KIND, inputShape, outputShape);
        this.output = outputShape.clone();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return input.reshape(SampleShapes.batched(input.dim(0), output));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
