package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Objects;

/**
 * The {@code dense} layer as configured. It takes flat [features] input (put a {@code flatten} before
 * it for images) and gives [units].
 *
 * @param params its params
 */
public record DenseSpec(DenseParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "dense";

    /** Checks the params are given. */
    public DenseSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int inputs = SampleShapes.requireFlat(KIND, inputShape, "put a flatten layer before it")[0];
        int units = params.units();
        Tensor weight = Initializer.named(params.init()).sample(rng, inputs, units, inputs, units);
        Parameter w = new Parameter("weight", weight, (float) params.l1(), (float) params.l2());
        Parameter b = params.useBias() ? new Parameter("bias", Tensor.zeros(units)) : null;
        return new DenseLayer(inputs, w, b, Activation.named(params.activation()));
    }
}
