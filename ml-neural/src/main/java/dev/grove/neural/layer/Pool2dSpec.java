package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import java.util.Objects;

/**
 * The {@code max-pool2d} or {@code avg-pool2d} layer as configured: [channels, height, width] in,
 * [channels, height', width'] out, no parameters.
 *
 * @param kind   {@code max-pool2d} or {@code avg-pool2d}
 * @param params its params
 */
public record Pool2dSpec(String kind, Pool2dParams params) implements LayerSpec {

    /** The max-pooling component name. */
    public static final String MAX = "max-pool2d";

    /** The average-pooling component name. */
    public static final String AVG = "avg-pool2d";

    /** Checks the kind is one of the two pooling layers. */
    public Pool2dSpec {
        if (!MAX.equals(kind) && !AVG.equals(kind)) {
            throw new IllegalArgumentException("pooling kind must be " + MAX + " or " + AVG + ", got '" + kind + "'");
        }
        Objects.requireNonNull(params, "params");
    }

    /** Max pooling with {@code params}. */
    public static Pool2dSpec max(Pool2dParams params) {
        return new Pool2dSpec(MAX, params);
    }

    /** Average pooling with {@code params}. */
    public static Pool2dSpec avg(Pool2dParams params) {
        return new Pool2dSpec(AVG, params);
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] image = SampleShapes.requireImage(kind, inputShape);
        int size = params.size();
        int pad = params.padding();
        if (image[1] + 2 * pad < size || image[2] + 2 * pad < size) {
            throw new IllegalArgumentException(kind + ": a " + size + "x" + size + " window does not fit the "
                    + image[1] + "x" + image[2] + " image of input " + SampleShapes.str(image)
                    + (pad > 0 ? " with padding " + pad : "") + "; use a smaller size or fewer layers that shrink the image");
        }
        int stride = params.effectiveStride();
        int[] output = {image[0], (image[1] + 2 * pad - size) / stride + 1, (image[2] + 2 * pad - size) / stride + 1};
        return new Pool2dLayer(kind, image, output, size, stride, pad);
    }
}
