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
                layer = spec instanceof DenseSpec dense && dense.params().tie() != null
                        ? dense.buildTied(shape, tiedWeight(children, dense.params().tie()))
                        : spec.build(shape, rng.derive(name));
            } catch (IllegalArgumentException e) {
                throw LayerBuildError.within(name, e);
            }
            children.add(new Layer.Child(name, layer));
            shape = layer.outputShape();
        }
        return List.copyOf(children);
    }

    /** The parameter named {@code weight} of the earlier child {@code name}, which a tied dense layer shares. */
    private static Parameter tiedWeight(List<Layer.Child> earlier, String name) {
        for (Layer.Child child : earlier) {
            if (child.name().equals(name)) {
                return child.layer().parameters().stream().filter(p -> p.name().equals("weight")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(DenseSpec.KIND + ": tie: " + name
                                + " has no weight to share (its parameters: " + child.layer().parameters().stream()
                                .map(Parameter::name).toList() + ")"));
            }
        }
        throw new IllegalArgumentException(DenseSpec.KIND + ": tie: " + name + " is not an earlier layer of this list;"
                + " the layers before it are " + earlier.stream().map(Layer.Child::name).toList());
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
        return forward(children, children.size(), input, pass);
    }

    /** As {@link #forward}, but the last child stops before its final activation. */
    static Tensor forwardBeforeActivation(List<Layer.Child> children, Tensor input, Pass pass) {
        int last = children.size() - 1;
        return children.get(last).layer().forwardBeforeActivation(forward(children, last, input, pass), pass);
    }

    /**
     * Children [0, end) in turn. A {@code conv2d} followed by a {@code max-pool2d} runs as one op when
     * the pair allows it ({@link Conv2dLayer#forwardPooled}): the same values and gradients, without
     * writing the convolution's output.
     */
    private static Tensor forward(List<Layer.Child> children, int end, Tensor input, Pass pass) {
        Tensor x = input;
        for (int i = 0; i < end; i++) {
            Layer layer = children.get(i).layer();
            if (i + 1 < end && layer instanceof Conv2dLayer conv && children.get(i + 1).layer() instanceof Pool2dLayer pool) {
                Tensor pooled = conv.forwardPooled(x, pool);
                if (pooled != null) {
                    x = pooled;
                    i++;
                    continue;
                }
            }
            x = layer.forward(x, pass);
        }
        return x;
    }
}
