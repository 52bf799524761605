package dev.grove.nlp.sequence;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.tensor.Rng;
import java.util.Arrays;

/**
 * The {@code sequence-pool} layer as configured: a [steps, features] sequence to one [features]
 * vector, for a classification head after an encoder: the mean or maximum over the steps, or the
 * first step (a class token's position) or the last (a recurrent network's summary). Padding of
 * token sequences ({@link dev.grove.neural.layer.Pass#padding()}) is left out.
 */
public record SequencePoolSpec(SequencePoolParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "sequence-pool";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        if (inputShape.length != 2) {
            throw new IllegalArgumentException(KIND + ": needs [steps, features] input, got " + Arrays.toString(inputShape));
        }
        return new SequencePoolLayer(inputShape, params.mode());
    }
}
