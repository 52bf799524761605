package dev.grove.neural.train;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** A test-scope sequential container of {@link TinyDense} layers named {@code dense-1}, {@code dense-2}, …. */
final class TinyStack implements Layer {

    private final List<Child> children = new ArrayList<>();

    TinyStack(TinyDense... layers) {
        for (int i = 0; i < layers.length; i++) {
            children.add(new Child("dense-" + (i + 1), layers[i]));
        }
    }

    TinyDense layer(int index) {
        return (TinyDense) children.get(index).layer();
    }

    @Override
    public String kind() {
        return "tiny-stack";
    }

    @Override
    public int[] inputShape() {
        return children.get(0).layer().inputShape();
    }

    @Override
    public int[] outputShape() {
        return children.get(children.size() - 1).layer().outputShape();
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        Tensor x = input;
        for (Child child : children) {
            x = child.layer().forward(x, pass);
        }
        return x;
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        Tensor x = input;
        for (int i = 0; i < children.size() - 1; i++) {
            x = children.get(i).layer().forward(x, pass);
        }
        return children.get(children.size() - 1).layer().forwardBeforeActivation(x, pass);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<Child> children() {
        return children;
    }

    @Override
    public String finalActivation() {
        return children.get(children.size() - 1).layer().finalActivation();
    }
}
