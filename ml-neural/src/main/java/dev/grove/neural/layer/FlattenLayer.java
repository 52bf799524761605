package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code flatten} layer: a reshape to [batch, values], which shares the input's storage. */
final class FlattenLayer extends AbstractLayer {

    private final int features;

    FlattenLayer(int[] inputShape) {
        super(FlattenSpec.KIND, inputShape, new int[] {SampleShapes.size(inputShape)});
        this.features = SampleShapes.size(inputShape);
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return input.reshape(input.dim(0), features);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
