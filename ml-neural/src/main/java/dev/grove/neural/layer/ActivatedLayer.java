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
        Tensor fused = forwardFused(input, pass, activation);
        return fused != null ? fused : activation.apply(forwardBeforeActivation(input, pass));
    }

    /**
     * The layer's output computed with the activation fused into its last step, for a layer with a
     * faster op that gives the same values and gradients as applying {@code activation} to
     * {@link #forwardBeforeActivation}; null (the default) when there is none for this activation.
     */
    Tensor forwardFused(Tensor input, Pass pass, Activation activation) {
        return null;
    }

    Activation activation() {
        return activation;
    }

    @Override
    public final String finalActivation() {
        return activation.name();
    }
}
