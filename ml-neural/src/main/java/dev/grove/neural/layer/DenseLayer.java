package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code dense} layer: activation(x·W + b), one matrix product and one broadcast add per batch. */
final class DenseLayer extends ActivatedLayer {

    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param weight [inputs, units]
     * @param bias   [units], or null for none
     */
    DenseLayer(int inputs, Parameter weight, Parameter bias, Activation activation) {
        super(DenseSpec.KIND, new int[] {inputs}, new int[] {weight.value().dim(1)}, activation);
        this.weight = weight;
        this.bias = bias;
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        Tensor product = input.matmul(weight.value());
        return bias == null ? product : product.add(bias.value());
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
