package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code max-pool2d} or {@code avg-pool2d} layer. */
final class Pool2dLayer extends AbstractLayer {

    private final boolean max;
    private final int size;
    private final int stride;
    private final int padding;

    Pool2dLayer(String kind, int[] inputShape, int[] outputShape, int size, int stride, int padding) {
        super(kind, inputShape, outputShape);
        this.max = kind.equals(Pool2dSpec.MAX);
        this.size = size;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return max ? input.maxPool2d(size, stride, padding) : input.avgPool2d(size, stride, padding);
    }

    /** Whether this is {@code max-pool2d} with no padding, which a {@code conv2d} before it can fuse. */
    boolean isMaxWithoutPadding() {
        return max && padding == 0;
    }

    int size() {
        return size;
    }

    int stride() {
        return stride;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
