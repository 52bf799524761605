package dev.grove.nlp.sequence;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code patches} layer: a reshape, a permutation and a reshape, so gradients flow back unchanged. */
final class PatchesLayer extends AbstractLayer {

    private final int channels;
    private final int size;
    private final int rows;
    private final int columns;

    /**
     * @param inputShape [channels, height, width], height and width multiples of {@code size}
     * @param size       the side of a square patch
     */
    PatchesLayer(int[] inputShape, int size) {
        super(PatchesSpec.KIND, inputShape, new int[] {(inputShape[1] / size) * (inputShape[2] / size),
                inputShape[0] * size * size});
        this.channels = inputShape[0];
        this.size = size;
        this.rows = inputShape[1] / size;
        this.columns = inputShape[2] / size;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        int batch = input.dim(0);
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
