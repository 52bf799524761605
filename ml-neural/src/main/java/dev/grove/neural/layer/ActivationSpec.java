package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The activation layers {@code relu}, {@code sigmoid}, {@code tanh}, {@code softmax},
 * {@code leaky-relu}, {@code gelu} and {@code heaviside}: any input shape, the same output shape.
 *
 * @param activation what the layer applies
 */
public record ActivationSpec(Activation activation) implements LayerSpec {

    /** Checks the activation is given. */
    public ActivationSpec {
        Objects.requireNonNull(activation, "activation");
    }

    /** The layer applying the activation called {@code name}. */
    public static ActivationSpec named(String name) {
        return new ActivationSpec(Activation.named(name));
    }

    /** The {@code leaky-relu} layer with its params. */
    public static ActivationSpec leakyRelu(LeakyReluParams params) {
        return new ActivationSpec(Activation.leakyRelu((float) params.slope()));
    }

    @Override
    public String kind() {
        return activation.name();
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        return new ActivationLayer(activation, SampleShapes.checked(kind(), inputShape));
    }
}
