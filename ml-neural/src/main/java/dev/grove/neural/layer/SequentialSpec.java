package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.Objects;

/**
 * The {@code sequential} container as configured. Its children are named {@code <kind>-<n>},
 * numbered per kind from 1 ({@code conv2d-1}, {@code max-pool2d-1}, {@code conv2d-2}).
 *
 * @param params its params
 */
public record SequentialSpec(SequentialParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "sequential";

    /** Checks the params are given. */
    public SequentialSpec {
        Objects.requireNonNull(params, "params");
    }

    /** A sequential of {@code layers}. */
    public static SequentialSpec of(LayerSpec... layers) {
        return new SequentialSpec(new SequentialParams(List.of(layers)));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** This sequential with each layer resolved for {@code schema} (see {@link LayerSpec#forData}). */
    @Override
    public LayerSpec forData(Schema schema) {
        return new SequentialSpec(new SequentialParams(Chain.forData(params.layers(), schema)));
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SampleShapes.checked(KIND, inputShape);
        return new SequentialLayer(shape, Chain.build(params.layers(), shape, rng));
    }
}
