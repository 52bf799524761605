package dev.grove.neural.layer;

import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * One learned tensor of a layer (a weight matrix, a bias, a norm's scale), with what training needs
 * to know about it: whether it is frozen, and the L1/L2 penalty coefficients its layer asked for.
 * The value tensor requires gradients; optimizers update it in place.
 */
public final class Parameter {

    private final String name;
    private final Tensor value;
    private final float l1;
    private final float l2;
    private boolean frozen;

    /**
     * A parameter called {@code name} within its layer ({@code weight}, {@code bias}, …).
     *
     * @param l1 coefficient of Σ|w| added to the loss (0 for none)
     * @param l2 coefficient of Σw² added to the loss (0 for none)
     */
    public Parameter(String name, Tensor value, float l1, float l2) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value").requiresGrad(true);
        if (!(l1 >= 0) || !(l2 >= 0)) {
            throw new IllegalArgumentException("parameter " + name + ": penalties must be >= 0, got l1 " + l1 + ", l2 " + l2);
        }
        this.l1 = l1;
        this.l2 = l2;
    }

    /** A parameter without penalties. */
    public Parameter(String name, Tensor value) {
        this(name, value, 0, 0);
    }

    /** The name within its layer. */
    public String name() {
        return name;
    }

    /** The tensor (requires gradients). */
    public Tensor value() {
        return value;
    }

    /** The L1 penalty coefficient. */
    public float l1() {
        return l1;
    }

    /** The L2 penalty coefficient. */
    public float l2() {
        return l2;
    }

    /** Whether training leaves this parameter unchanged (transfer learning). */
    public boolean frozen() {
        return frozen;
    }

    /** Freezes or unfreezes this parameter. */
    public void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }

    /** Number of values. */
    public long size() {
        return value.size();
    }

    /**
     * Overwrites the values in place, outside any graph, in the order of {@link Tensor#toFloatArray()}:
     * to give a layer known weights (in a test, or when a gradient check perturbs one value).
     *
     * @throws IllegalArgumentException unless there is exactly one value per element
     */
    public void assign(float... values) {
        int[] shape = value.shape();
        if (values.length != value.size()) {
            throw new IllegalArgumentException("parameter " + name + ": " + values.length + " values cannot fill shape "
                    + Arrays.toString(shape) + " (" + value.size() + " elements)");
        }
        try (var g = Grad.off()) {
            value.copyFrom(shape.length == 0 ? Tensor.scalar(values[0]) : Tensor.of(values, shape));
        }
    }
}
