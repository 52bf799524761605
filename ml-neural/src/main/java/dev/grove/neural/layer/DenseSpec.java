package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code dense} layer as configured. It maps the last axis of each sample: flat [features] input
 * gives [units], a sequence [steps, features] gives [steps, units] (the same weights at every step;
 * one matrix product over all rows of the batch). For images put a {@code flatten} before it.
 * Without {@code units} it has one output per class of the training data, or per vocabulary token
 * for token-id rows without classes ({@link #forData}).
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

    /**
     * This spec with one unit per class of {@code schema} when {@code units} is not set; unchanged
     * otherwise.
     *
     * @throws IllegalArgumentException if units is not set and the data has no classes
     */
    @Override
    public LayerSpec forData(Schema schema) {
        if (params.units() > 0) {
            return this;
        }
        if (!schema.isClassification() && schema.hasVocabulary()) {
            // Token-id rows without classes (masked-token training): a score per vocabulary token.
            return new DenseSpec(params.withUnits(schema.vocabulary().size()));
        }
        if (!schema.isClassification()) {
            throw new IllegalArgumentException(KIND + ": units is not set and the data has no classes to take it from"
                    + " (target " + (schema.hasTarget() ? "'" + schema.targetName() + "' is numeric" : "missing")
                    + "); set units");
        }
        return new DenseSpec(params.withUnits(schema.classLabels().size()));
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SampleShapes.checked(KIND, inputShape);
        if (params.tie() != null) {
            throw new IllegalArgumentException(KIND + ": tie: " + params.tie() + " shares the weight of an earlier layer"
                    + " of the same list (a sequential's layers, or a residual's), and this dense layer has none");
        }
        int units = params.units();
        if (units == 0) {
            throw new IllegalArgumentException(KIND + ": units is not set; set it, or train the network on data with"
                    + " classes, which gives one unit per class");
        }
        int inputs = shape[shape.length - 1];
        Tensor weight = Initializer.named(params.init()).sample(rng, inputs, units, inputs, units);
        Parameter w = new Parameter("weight", weight, (float) params.l1(), (float) params.l2());
        Parameter b = params.useBias() ? new Parameter("bias", Tensor.zeros(units)) : null;
        return new DenseLayer(shape, w, b, Activation.named(params.activation()));
    }

    /**
     * The layer whose weight is {@code table} transposed, scaled by 1/√inputs: {@code table} is the [units, inputs] weight
     * of the earlier layer named by {@code tie} (an embedding's [vocabulary, dim] table), shared, so
     * the gradients of both uses add up in it. Only the bias is this layer's own.
     *
     * @throws IllegalArgumentException if {@code table} is not [units, inputs] for this input
     */
    Layer buildTied(int[] inputShape, Parameter table) {
        int[] shape = SampleShapes.checked(KIND, inputShape);
        int inputs = shape[shape.length - 1];
        int[] tableShape = table.value().shape();
        int units = params.units() == 0 && tableShape.length == 2 ? tableShape[0] : params.units();
        if (tableShape.length != 2 || tableShape[0] != units || tableShape[1] != inputs) {
            throw new IllegalArgumentException(KIND + ": tie: " + params.tie() + "'s weight is "
                    + Arrays.toString(tableShape) + ", but a dense layer of " + units + " units on " + inputs
                    + " inputs shares a [" + units + ", " + inputs + "] one");
        }
        Parameter b = params.useBias() ? new Parameter("bias", Tensor.zeros(units)) : null;
        return DenseLayer.tied(shape, table, b, Activation.named(params.activation()));
    }
}
