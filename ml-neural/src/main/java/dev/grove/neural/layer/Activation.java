package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * An elementwise (or, for softmax, per-row) nonlinearity, by name: what the {@code activation} param
 * of {@code dense}, {@code conv2d} and {@code residual} selects, and what the activation layers apply.
 *
 * <ul>
 *   <li>{@code linear}: the identity.</li>
 *   <li>{@code relu}: max(x, 0).</li>
 *   <li>{@code sigmoid}: 1 / (1 + e^−x).</li>
 *   <li>{@code tanh}: the hyperbolic tangent.</li>
 *   <li>{@code softmax}: e^x / Σ e^x over the last axis.</li>
 *   <li>{@code leaky-relu}: x for x &gt; 0, else slope·x (slope 0.01 as in PyTorch, unless the
 *       {@code leaky-relu} layer sets another).</li>
 *   <li>{@code gelu}: the tanh approximation 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))), PyTorch's
 *       {@code gelu(approximate='tanh')}; the exact form needs erf, which the tensors do not have.</li>
 *   <li>{@code heaviside}: 1 for x &gt; 0, else 0, for the perceptron. Its gradient is zero
 *       everywhere, so nothing before it learns by back-propagation; the perceptron learns with its
 *       own update rule.</li>
 * </ul>
 */
public final class Activation {

    /** Every name, in the order {@code grove describe} lists them. */
    public static final List<String> NAMES =
            List.of("linear", "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu", "heaviside");

    /** PyTorch's default negative slope of {@code leaky-relu}. */
    public static final float DEFAULT_LEAKY_SLOPE = 0.01f;

    private static final float SQRT_2_OVER_PI = (float) Math.sqrt(2 / Math.PI);
    private static final float GELU_CUBIC = 0.044715f;

    private final String name;
    private final float slope;

    private Activation(String name, float slope) {
        this.name = name;
        this.slope = slope;
    }

    /**
     * The activation called {@code name} (one of {@link #NAMES}; {@code leaky-relu} with slope 0.01).
     *
     * @throws IllegalArgumentException for any other name, listing the valid ones
     */
    public static Activation named(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("activation must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
        }
        return new Activation(name, DEFAULT_LEAKY_SLOPE);
    }

    /**
     * {@code leaky-relu} with negative slope {@code slope}.
     *
     * @throws IllegalArgumentException unless 0 ≤ slope &lt; 1 (the form max(x, slope·x) needs it)
     */
    public static Activation leakyRelu(float slope) {
        if (!(slope >= 0 && slope < 1)) {
            throw new IllegalArgumentException("leaky-relu: slope must be in [0, 1), got " + slope);
        }
        return new Activation("leaky-relu", slope);
    }

    /** The name, e.g. {@code relu}. */
    public String name() {
        return name;
    }

    /** Whether this is the identity. */
    public boolean isLinear() {
        return name.equals("linear");
    }

    /** The activation of every element (softmax: of every row along the last axis) of {@code x}. */
    public Tensor apply(Tensor x) {
        return switch (name) {
            case "linear" -> x;
            case "relu" -> x.relu();
            case "sigmoid" -> x.sigmoid();
            case "tanh" -> x.tanh();
            case "softmax" -> x.softmax(-1);
            // max(x, slope·x) is x above 0 and slope·x below, for any slope in [0, 1).
            case "leaky-relu" -> x.maximum(x.mul(slope));
            case "gelu" -> gelu(x);
            // x·0 joins the step to the graph with a zero gradient, so a loss behind it can still backward.
            case "heaviside" -> x.gt(0f).add(x.mul(0f));
            default -> throw new IllegalStateException("activation '" + name + "' has no implementation");
        };
    }

    private static Tensor gelu(Tensor x) {
        Tensor inner = x.mul(x).mul(x).mul(GELU_CUBIC).add(x).mul(SQRT_2_OVER_PI);
        return x.mul(inner.tanh().add(1f)).mul(0.5f);
    }

    @Override
    public String toString() {
        return name.equals("leaky-relu") ? name + "(" + slope + ")" : name;
    }
}
