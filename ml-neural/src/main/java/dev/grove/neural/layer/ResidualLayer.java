package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code residual} block: activation(F(x) + skip(x)). */
final class ResidualLayer extends ActivatedLayer {

    private final List<Child> main;
    private final Layer projection;
    private final List<Child> children;

    /**
     * @param main       the layers of F
     * @param projection the skip path's learned map, or null for the identity
     * @param children   {@code main}, then the projection if any
     */
    ResidualLayer(int[] inputShape, int[] outputShape, List<Child> main, Layer projection, Activation activation,
                  List<Child> children) {
        super(ResidualSpec.KIND, inputShape, outputShape, activation);
        this.main = List.copyOf(main);
        this.projection = projection;
        this.children = List.copyOf(children);
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        Tensor skip = projection == null ? input : projection.forward(input, pass);
        return Chain.forward(main, input, pass).add(skip);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<Child> children() {
        return children;
    }
}
