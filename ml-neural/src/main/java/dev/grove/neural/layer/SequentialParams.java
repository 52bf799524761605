package dev.grove.neural.layer;

import dev.grove.api.params.Doc;
import dev.grove.api.params.OfKind;
import dev.grove.api.spi.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@code sequential}: layers applied in order. In an experiment file the list may be given
 * directly: {@code sequential: [flatten, {dense: {units: 10}}]}.
 *
 * @param layers the layers, at least one
 */
public record SequentialParams(
        @Doc("The layers, applied in order") @OfKind(Kind.LAYER) List<LayerSpec> layers) {

    /** Checks there is at least one layer. */
    public SequentialParams {
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers of sequential must hold at least one layer");
        }
    }
}
