package dev.grove.neural.train;

import java.util.ArrayList;
import java.util.List;

/** A test-scope sequential container of {@link TinyDense} layers named {@code dense-1}, {@code dense-2}, …. */
final class TinyStack implements TestSequence {

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
    public List<Child> children() {
        return children;
    }
}
