package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code inception} block: four branches on the same input, concatenated on channels. Each
 * branch ends in a relu, so the block's final activation is relu.
 */
final class InceptionLayer extends AbstractLayer {

    /** The built layers of the four branches. */
    record Branches(Layer b1, Layer b3Reduce, Layer b3, Layer b5Reduce, Layer b5, Layer pool, Layer poolProj) {
    }

    private final Branches branches;
    private final List<Child> children;

    InceptionLayer(int[] inputShape, int[] outputShape, Branches branches, List<Child> children) {
        super(InceptionSpec.KIND, inputShape, outputShape);
        this.branches = branches;
        this.children = List.copyOf(children);
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        Tensor one = branches.b1().forward(input, pass);
        Tensor three = branches.b3().forward(branches.b3Reduce().forward(input, pass), pass);
        Tensor five = branches.b5().forward(branches.b5Reduce().forward(input, pass), pass);
        Tensor pooled = branches.poolProj().forward(branches.pool().forward(input, pass), pass);
        return Tensor.concat(1, one, three, five, pooled);
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        Tensor one = branches.b1().forwardBeforeActivation(input, pass);
        Tensor three = branches.b3().forwardBeforeActivation(branches.b3Reduce().forward(input, pass), pass);
        Tensor five = branches.b5().forwardBeforeActivation(branches.b5Reduce().forward(input, pass), pass);
        Tensor pooled = branches.poolProj().forwardBeforeActivation(branches.pool().forward(input, pass), pass);
        return Tensor.concat(1, one, three, five, pooled);
    }

    @Override
    public String finalActivation() {
        return "relu";
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
