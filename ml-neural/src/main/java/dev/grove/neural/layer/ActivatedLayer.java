package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;

/**
 * A built layer whose last step is its own {@link Activation}: {@link #forward} is defined here as
 * the activation of {@link #forwardBeforeActivation}, so the two passes, and the
 * {@link #finalActivation} a loss reads, cannot drift apart.
 */
abstract class ActivatedLayer extends AbstractLayer {

    private final Activation activation;

    ActivatedLayer(String kind, int[] inputShape, int[] outputShape, Activation activation) {
        super(kind, inputShape, outputShape);
        this.activation = activation;
    }

    @Override
    public abstract Tensor forwardBeforeActivation(Tensor input, Pass pass);

    @Override
    public final Tensor forward(Tensor input, Pass pass) {
        return activation.apply(forwardBeforeActivation(input, pass));
    }

    @Override
    public final String finalActivation() {
        return activation.name();
    }
}
