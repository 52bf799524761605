package dev.grove.nlp.sequence;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.tensor.Rng;
import java.util.Arrays;

/**
 * The {@code patches} layer as configured: cuts [channels, height, width] images into square patches
 * of {@code size} pixels, read row by row, each flattened channel-major: the sequence
 * [(height/size)·(width/size), channels·size·size] a vision transformer embeds (with a {@code dense}
 * layer, which then acts on each patch) and feeds to its encoder.
 */
public record PatchesSpec(PatchesParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "patches";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException(KIND + ": needs [channels, height, width] images, got " + Arrays.toString(inputShape));
        }
        int size = params.size();
        if (inputShape[1] % size != 0 || inputShape[2] % size != 0) {
            throw new IllegalArgumentException(KIND + ": size " + size + " must divide the image's height and width, got "
                    + inputShape[1] + "x" + inputShape[2]);
        }
        return new PatchesLayer(inputShape, size);
    }
}
