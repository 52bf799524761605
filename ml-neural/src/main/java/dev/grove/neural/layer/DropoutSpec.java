package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code dropout} layer as configured: any sample shape, unchanged.
 *
 * @param params its params
 */
public record DropoutSpec(DropoutParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "dropout";

    /** Checks the params are given. */
    public DropoutSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        return new DropoutLayer(SampleShapes.checked(KIND, inputShape), (float) params.p());
    }
}
