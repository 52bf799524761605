package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.OneOf;
import dev.grove.api.spi.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@code residual}, a ResNet block: out = activation(F(x) + skip(x)), where F applies
 * {@code layers} in order and skip is the identity when F keeps the shape, else a learned projection
 * (a strided 1x1 convolution for images, a dense layer for flat input).
 *
 * @param layers     the layers of F, at least one
 * @param activation applied to the sum (one of {@link Activation#NAMES})
 */
public record ResidualParams(
        @Doc("The layers of the main path F, applied in order") @OfKind(Kind.LAYER) List<LayerSpec> layers,
        @Doc("Activation applied to F(x) + skip(x)")
        @Default("relu") @OneOf({"linear", "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu", "heaviside"})
        String activation) {

    /** Checks there is at least one layer and the activation exists. */
    public ResidualParams {
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers of residual must hold at least one layer");
        }
        Activation.named(activation);
    }

    /** A block of {@code layers} with a relu after the sum. */
    public static ResidualParams of(LayerSpec... layers) {
        return new ResidualParams(List.of(layers), "relu");
    }
}
