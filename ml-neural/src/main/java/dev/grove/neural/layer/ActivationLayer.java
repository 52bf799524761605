package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * An activation as a layer of its own ({@code relu}, {@code softmax}, …): same output shape as input,
 * no parameters. It reports its activation as {@link #finalActivation()}, and its output before the
 * activation is its input, so a network ending in a {@code softmax} layer hands the loss the logits.
 */
final class ActivationLayer extends AbstractLayer {

    private final Activation activation;

    ActivationLayer(Activation activation, int[] shape) {
        super(activation.name(), shape, shape);
        this.activation = activation;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return activation.apply(input);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String finalActivation() {
        return activation.name();
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        return input;
    }
}
