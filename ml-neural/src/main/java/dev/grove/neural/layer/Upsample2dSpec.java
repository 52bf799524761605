package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code upsample2d} layer as configured: [channels, height, width] in,
 * [channels, size·height, size·width] out, each pixel repeated as a size×size block.
 *
 * @param params its params
 */
public record Upsample2dSpec(Upsample2dParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "upsample2d";

    /** Checks the params are given. */
    public Upsample2dSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** @throws IllegalArgumentException unless the input is an image [channels, height, width] */
    @Override
    public Layer build(int[] inputShape, Rng rng) {
        return new Upsample2dLayer(SampleShapes.requireImage(KIND, inputShape), params.size());
    }
}
