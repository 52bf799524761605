package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code conv2d} layer: one {@link Tensor#conv2d} with its bias, then the activation. */
final class Conv2dLayer extends AbstractLayer {

    private final Parameter weight;
    private final Parameter bias;
    private final int stride;
    private final int padding;
    private final Activation activation;

    /**
     * @param weight [filters, channels, k, k]
     * @param bias   [filters], or null for none
     */
    Conv2dLayer(int[] inputShape, int[] outputShape, Parameter weight, Parameter bias, int stride, int padding,
                Activation activation) {
        super(Conv2dSpec.KIND, inputShape, outputShape);
        this.weight = weight;
        this.bias = bias;
        this.stride = stride;
        this.padding = padding;
        this.activation = activation;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        return activation.apply(forwardBeforeActivation(input, pass));
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        return input.conv2d(weight.value(), bias == null ? null : bias.value(), stride, padding);
    }

    @Override
    public String finalActivation() {
        return activation.name();
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
