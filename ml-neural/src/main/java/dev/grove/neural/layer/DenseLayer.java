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

    /**
     * The pre-activation output for {@code rows}, a {@code [n, inputs]} matrix of feature vectors taken
     * from any positions of any samples: the dense layer acts on the last axis alone, so it can be
     * applied to just the positions that matter (e.g. the hidden tokens of masked-token training).
     */
    Tensor forwardRowsBeforeActivation(Tensor rows) {
        int inputs = weight.value().dim(0);
        if (rows.rank() != 2 || rows.dim(1) != inputs) {
            throw new IllegalArgumentException(DenseSpec.KIND + ": rows must be [n, " + inputs + "], got "
                    + java.util.Arrays.toString(rows.shape()));
        }
        Tensor product = rows.matmul(weight.value());
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
