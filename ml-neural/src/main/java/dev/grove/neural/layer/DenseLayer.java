package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code dense} layer: activation(x·W + b) on the last axis of each sample, one matrix product
 * (over every row of the batch, all steps of a sequence included) and one broadcast add per batch.
 */
final class DenseLayer extends ActivatedLayer {

    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param inputShape [..., inputs]
     * @param weight     [inputs, units]
     * @param bias       [units], or null for none
     */
    DenseLayer(int[] inputShape, Parameter weight, Parameter bias, Activation activation) {
        super(DenseSpec.KIND, inputShape, withLastAxis(inputShape, weight.value().dim(1)), activation);
        this.weight = weight;
        this.bias = bias;
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        Tensor product = input.matmul(weight.value());
        return bias == null ? product : product.add(bias.value());
    }

    private static int[] withLastAxis(int[] shape, int size) {
        int[] out = shape.clone();
        out[out.length - 1] = size;
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
