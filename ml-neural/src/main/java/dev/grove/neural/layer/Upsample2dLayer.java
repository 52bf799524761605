package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code upsample2d} layer (nearest neighbour). The batch [n, c, h, w] is viewed as
 * [n, c, h, 1, w, 1], broadcast to [n, c, h, s, w, s] (each value copied into an s×s block) and
 * viewed as [n, c, h·s, w·s]. Broadcasting's backward sums the gradient over the broadcast axes,
 * so each input pixel receives the sum of the gradients of its block.
 */
final class Upsample2dLayer extends AbstractLayer {

    private final int channels;
    private final int height;
    private final int width;
    private final int size;

    Upsample2dLayer(int[] inputShape, int size) {
        super(Upsample2dSpec.KIND, inputShape,
                new int[] {inputShape[0], Math.multiplyExact(inputShape[1], size), Math.multiplyExact(inputShape[2], size)});
        this.channels = inputShape[0];
        this.height = inputShape[1];
        this.width = inputShape[2];
        this.size = size;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        if (size == 1) {
            return input;
        }
        int n = input.dim(0);
        return input.reshape(n, channels, height, 1, width, 1)
                .broadcastTo(n, channels, height, size, width, size)
                .reshape(n, channels, height * size, width * size);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
