package dev.grove.neural.layer;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;

/**
 * How {@code dense} and {@code conv2d} draw their initial weights (the {@code init} param), from
 * the fan-in and fan-out of the weight as Keras and PyTorch count them: for a dense weight, the
 * input and output features; for a convolution kernel, in-channels × kernel area and
 * filters × kernel area. Biases start at 0.
 *
 * <ul>
 *   <li>{@code glorot-uniform}: U(−a, a) with a = √(6 / (fan-in + fan-out)) (Keras' default).</li>
 *   <li>{@code glorot-normal}: N(0, 2 / (fan-in + fan-out)).</li>
 *   <li>{@code he-uniform}: U(−a, a) with a = √(6 / fan-in).</li>
 *   <li>{@code he-normal}: N(0, 2 / fan-in).</li>
 * </ul>
 * The normal variants are plain normals, as PyTorch's {@code xavier_normal_} and
 * {@code kaiming_normal_} (Keras truncates at two standard deviations instead).
 */
public enum Initializer {
    /** Glorot (Xavier) uniform. */
    GLOROT_UNIFORM("glorot-uniform"),
    /** Glorot (Xavier) normal. */
    GLOROT_NORMAL("glorot-normal"),
    /** He (Kaiming) uniform, for ReLU networks. */
    HE_UNIFORM("he-uniform"),
    /** He (Kaiming) normal, for ReLU networks. */
    HE_NORMAL("he-normal");

    private final String label;

    Initializer(String label) {
        this.label = label;
    }

    /** The name used in the {@code init} param, e.g. {@code glorot-uniform}. */
    public String label() {
        return label;
    }

    /**
     * The initializer called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static Initializer named(String name) {
        for (Initializer init : values()) {
            if (init.label.equals(name)) {
                return init;
            }
        }
        throw new IllegalArgumentException("init must be one of glorot-uniform, glorot-normal, he-uniform, he-normal, got '"
                + name + "'");
    }

    /**
     * A weight tensor of {@code shape} drawn from {@code rng}.
     *
     * @param fanIn  inputs feeding each output unit
     * @param fanOut outputs each input unit feeds
     */
    public Tensor sample(Rng rng, int fanIn, int fanOut, int... shape) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException(label + ": fan-in and fan-out must be at least 1, got " + fanIn + " and "
                    + fanOut + " for a weight of shape " + Arrays.toString(shape));
        }
        return switch (this) {
            case GLOROT_UNIFORM -> uniform(rng, Math.sqrt(6.0 / (fanIn + fanOut)), shape);
            case GLOROT_NORMAL -> Tensor.randn(rng, shape).mul((float) Math.sqrt(2.0 / (fanIn + fanOut)));
            case HE_UNIFORM -> uniform(rng, Math.sqrt(6.0 / fanIn), shape);
            case HE_NORMAL -> Tensor.randn(rng, shape).mul((float) Math.sqrt(2.0 / fanIn));
        };
    }

    private static Tensor uniform(Rng rng, double limit, int[] shape) {
        return Tensor.uniform(rng, (float) -limit, (float) limit, shape);
    }
}
