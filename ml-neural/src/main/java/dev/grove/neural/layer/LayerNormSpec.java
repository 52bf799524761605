package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code layer-norm} layer as configured: any sample shape, unchanged, normalised over its last axis.
 *
 * @param params its params
 */
public record LayerNormSpec(LayerNormParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "layer-norm";

    /** Checks the params are given. */
    public LayerNormSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        return new LayerNormLayer(SampleShapes.checked(KIND, inputShape), (float) params.eps());
    }
}
