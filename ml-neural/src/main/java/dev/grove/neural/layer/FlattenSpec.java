package dev.grove.neural.layer;

import dev.grove.tensor.Rng;

/** The {@code flatten} layer as configured: any sample shape in, [its number of values] out, in row-major order. */
public record FlattenSpec() implements LayerSpec {

    /** The component name. */
    public static final String KIND = "flatten";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        return new FlattenLayer(SampleShapes.checked(KIND, inputShape));
    }
}
