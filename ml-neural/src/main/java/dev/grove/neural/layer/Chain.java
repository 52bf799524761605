package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Layers applied one after another, as {@code sequential} and the main path of {@code residual} hold them. */
final class Chain {

    private Chain() {
    }

    /**
     * Builds {@code specs} in order, each for the previous one's output, named {@code <kind>-<n>}.
     * Each child draws its weights from a stream derived from its name, so adding a layer does not
     * change how the others start.
     */
    static List<Layer.Child> build(List<LayerSpec> specs, int[] inputShape, Rng rng) {
        ChildNames names = new ChildNames();
        List<Layer.Child> children = new ArrayList<>(specs.size());
        int[] shape = inputShape;
        for (LayerSpec spec : specs) {
            String name = names.next(spec.kind());
            Layer layer;
            try {
                layer = spec.build(shape, rng.derive(name));
            } catch (IllegalArgumentException e) {
                throw LayerBuildError.within(name, e);
            }
            children.add(new Layer.Child(name, layer));
            shape = layer.outputShape();
        }
        return List.copyOf(children);
    }

    /**
     * {@code specs} each resolved for {@code schema} ({@link LayerSpec#forData}), errors located by
     * the child names {@link #build} gives.
     */
    static List<LayerSpec> forData(List<LayerSpec> specs, Schema schema) {
        ChildNames names = new ChildNames();
        List<LayerSpec> resolved = new ArrayList<>(specs.size());
        for (LayerSpec spec : specs) {
            String name = names.next(spec.kind());
            try {
                resolved.add(spec.forData(schema));
            } catch (IllegalArgumentException e) {
                throw LayerBuildError.within(name, e);
            }
        }
        return List.copyOf(resolved);
    }

    /** The output shape of the last child. */
    static int[] outputShape(List<Layer.Child> children) {
        return children.get(children.size() - 1).layer().outputShape();
    }

    /** Every child's forward pass in turn. */
    static Tensor forward(List<Layer.Child> children, Tensor input, Pass pass) {
        Tensor x = input;
        for (Layer.Child child : children) {
            x = child.layer().forward(x, pass);
        }
        return x;
    }

    /** As {@link #forward}, but the last child stops before its final activation. */
    static Tensor forwardBeforeActivation(List<Layer.Child> children, Tensor input, Pass pass) {
        Tensor x = input;
        int last = children.size() - 1;
        for (int i = 0; i < last; i++) {
            x = children.get(i).layer().forward(x, pass);
        }
        return children.get(last).layer().forwardBeforeActivation(x, pass);
    }
}
