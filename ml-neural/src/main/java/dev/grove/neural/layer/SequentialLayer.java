package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code sequential}: its children applied in order; its final activation is its last child's. */
final class SequentialLayer extends AbstractLayer {

    private final List<Child> children;

    SequentialLayer(int[] inputShape, List<Child> children) {
        super(SequentialSpec.KIND, inputShape, Chain.outputShape(children));
        this.children = children;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return Chain.forward(children, input, pass);
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        return Chain.forwardBeforeActivation(children, input, pass);
    }

    @Override
    public String finalActivation() {
        return children.get(children.size() - 1).layer().finalActivation();
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
