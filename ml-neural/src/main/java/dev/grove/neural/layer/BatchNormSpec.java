package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code batch-norm} layer as configured: any sample shape, unchanged. Statistics are per
 * feature for flat [features] input, and per channel (the first sample axis) otherwise.
 *
 * @param params its params
 */
public record BatchNormSpec(BatchNormParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "batch-norm";

    /** Checks the params are given. */
    public BatchNormSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        return new BatchNormLayer(SampleShapes.checked(KIND, inputShape), (float) params.momentum(), (float) params.eps());
    }
}
