package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code conv2d} layer: one {@link Tensor#conv2d} with its bias, then the activation (fused
 * with the convolution when it is relu, and with a max pooling that follows, see {@link Chain}).
 */
final class Conv2dLayer extends ActivatedLayer {

    private final Parameter weight;
    private final Parameter bias;
    private final int stride;
    private final int padding;

    /**
     * @param weight [filters, channels, k, k]
     * @param bias   [filters], or null for none
     */
    Conv2dLayer(int[] inputShape, int[] outputShape, Parameter weight, Parameter bias, int stride, int padding,
                Activation activation) {
        super(Conv2dSpec.KIND, inputShape, outputShape, activation);
        this.weight = weight;
        this.bias = bias;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        return input.conv2d(weight.value(), bias == null ? null : bias.value(), stride, padding);
    }

    /** A relu is applied while the convolution's output is copied into place ({@link Tensor#conv2dRelu}). */
    @Override
    Tensor forwardFused(Tensor input, Pass pass, Activation activation) {
        if (!activation.name().equals("relu")) {
            return null;
        }
        checkInput(input);
        return input.conv2dRelu(weight.value(), bias == null ? null : bias.value(), stride, padding);
    }

    /**
     * This layer and the max pooling after it as one op ({@link Tensor#conv2dReluMaxPool}), when the
     * activation is relu and the pooling is max pooling without padding; else null.
     */
    Tensor forwardPooled(Tensor input, Pool2dLayer pool) {
        if (!activation().name().equals("relu") || !pool.isMaxWithoutPadding()) {
            return null;
        }
        checkInput(input);
        return input.conv2dReluMaxPool(weight.value(), bias == null ? null : bias.value(), stride, padding,
                pool.size(), pool.stride());
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
