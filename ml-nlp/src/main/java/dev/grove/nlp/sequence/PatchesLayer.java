package dev.grove.nlp.sequence;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** A built {@code patches} layer: a reshape, a permutation and a reshape, so gradients flow back unchanged. */
final class PatchesLayer implements Layer {

    private final int[] inputShape;
    private final int size;
    private final int rows;
    private final int columns;

    PatchesLayer(int[] inputShape, int size) {
        this.inputShape = inputShape.clone();
        this.size = size;
        this.rows = inputShape[1] / size;
        this.columns = inputShape[2] / size;
    }

    @Override
    public String kind() {
        return PatchesSpec.KIND;
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return new int[] {rows * columns, inputShape[0] * size * size};
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        int batch = input.dim(0);
        if (input.rank() != 4 || !Arrays.equals(Arrays.copyOfRange(input.shape(), 1, 4), inputShape)) {
            throw new IllegalArgumentException(PatchesSpec.KIND + ": expected a batch of " + Arrays.toString(inputShape)
                    + " images, got " + Arrays.toString(input.shape()));
        }
        int channels = inputShape[0];
        // [B, C, rows, p, columns, p] -> [B, rows, columns, C, p, p]: one patch's pixels together.
        return input.reshape(batch, channels, rows, size, columns, size)
                .permute(0, 2, 4, 1, 3, 5)
                .reshape(batch, rows * columns, channels * size * size);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
