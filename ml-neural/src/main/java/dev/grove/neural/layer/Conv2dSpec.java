package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Objects;

/**
 * The {@code conv2d} layer as configured: [channels, height, width] in, [filters, height', width'] out.
 *
 * @param params its params
 */
public record Conv2dSpec(Conv2dParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "conv2d";

    /** Checks the params are given. */
    public Conv2dSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] image = SampleShapes.requireImage(KIND, inputShape);
        int channels = image[0];
        int k = params.kernel();
        int pad = params.paddingSize();
        if (image[1] + 2 * pad < k || image[2] + 2 * pad < k) {
            throw new IllegalArgumentException(KIND + ": a " + k + "x" + k + " kernel does not fit the "
                    + image[1] + "x" + image[2] + " image of input " + SampleShapes.str(image) + " with padding "
                    + params.padding() + "; use a smaller kernel, padding same, or fewer pooling layers before it");
        }
        int stride = params.stride();
        int[] output = {params.filters(), (image[1] + 2 * pad - k) / stride + 1, (image[2] + 2 * pad - k) / stride + 1};
        int area = k * k;
        Tensor kernel = Initializer.named(params.init())
                .sample(rng, channels * area, params.filters() * area, params.filters(), channels, k, k);
        Parameter weight = new Parameter("weight", kernel, (float) params.l1(), (float) params.l2());
        Parameter bias = params.useBias() ? new Parameter("bias", Tensor.zeros(params.filters())) : null;
        return new Conv2dLayer(image, output, weight, bias, stride, pad, Activation.named(params.activation()));
    }
}
