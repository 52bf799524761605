package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code residual} block as configured. Its children are the main path's layers, named as in
 * {@code sequential}, followed by {@code projection} when the skip path needs one.
 *
 * @param params its params
 */
public record ResidualSpec(ResidualParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "residual";

    /** The child name of the skip path's projection. */
    public static final String PROJECTION = "projection";

    /** Checks the params are given. */
    public ResidualSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** This block with each layer of its main path resolved for {@code schema} (see {@link LayerSpec#forData}). */
    @Override
    public LayerSpec forData(Schema schema) {
        return new ResidualSpec(new ResidualParams(Chain.forData(params.layers(), schema), params.activation()));
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SampleShapes.checked(KIND, inputShape);
        List<Layer.Child> main = Chain.build(params.layers(), shape, rng);
        int[] output = Chain.outputShape(main);
        Layer projection = Arrays.equals(shape, output) ? null : projection(shape, output, rng.derive(PROJECTION));
        List<Layer.Child> children = new ArrayList<>(main);
        if (projection != null) {
            children.add(new Layer.Child(PROJECTION, projection));
        }
        return new ResidualLayer(shape, output, main, projection, Activation.named(params.activation()), children);
    }

    /** The learned map of the skip path from {@code input} to {@code output}. */
    private static Layer projection(int[] input, int[] output, Rng rng) {
        if (input.length == 3 && output.length == 3) {
            int stride = stride(input, output);
            Conv2dParams conv = new Conv2dParams(output[0], 1, stride, "valid", "linear", true, "glorot-uniform", 0, 0);
            return new Conv2dSpec(conv).build(input, rng);
        }
        if (input.length == 1 && output.length == 1) {
            return new DenseSpec(DenseParams.of(output[0], "linear")).build(input, rng);
        }
        throw new IllegalArgumentException(KIND + ": its layers turn " + SampleShapes.str(input) + " into "
                + SampleShapes.str(output) + ", but the skip path can only project images to images ([channels, height, width])"
                + " or flat to flat input; make the layers keep the input's rank");
    }

    /** The stride s of a 1x1 convolution taking each side n to ⌈n / s⌉ = the output's side. */
    private static int stride(int[] input, int[] output) {
        for (int s = 1; s <= Math.max(input[1], input[2]); s++) {
            if (ceilDiv(input[1], s) == output[1] && ceilDiv(input[2], s) == output[2]) {
                return s;
            }
        }
        throw new IllegalArgumentException(KIND + ": its layers turn " + SampleShapes.str(input) + " into "
                + SampleShapes.str(output) + ", and no stride of a 1x1 convolution on the skip path shrinks "
                + input[1] + "x" + input[2] + " to " + output[1] + "x" + output[2]
                + "; use padding same in the main path so each side shrinks by a whole stride");
    }

    private static int ceilDiv(int n, int d) {
        return (n + d - 1) / d;
    }
}
