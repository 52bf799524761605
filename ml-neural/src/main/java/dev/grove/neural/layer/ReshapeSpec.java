package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code reshape} layer as configured: any sample shape in, {@code shape} out, when both hold
 * the same number of values (row-major order, as {@code flatten} and NumPy's reshape).
 *
 * @param params its params
 */
public record ReshapeSpec(ReshapeParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "reshape";

    /** Checks the params are given. */
    public ReshapeSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * @throws IllegalArgumentException naming both shapes when the input does not hold as many values as {@code shape}
     */
    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] input = SampleShapes.checked(KIND, inputShape);
        int[] output = params.toArray();
        if (SampleShapes.size(input) != SampleShapes.size(output)) {
            throw new IllegalArgumentException(KIND + ": cannot view input " + SampleShapes.str(input) + " ("
                    + SampleShapes.size(input) + " values) as " + SampleShapes.str(output) + " ("
                    + SampleShapes.size(output) + " values); the shape must hold as many values as the input");
        }
        return new ReshapeLayer(input, output);
    }
}
