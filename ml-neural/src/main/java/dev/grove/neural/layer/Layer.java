package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A built layer: it knows its input and output shapes (per sample, no batch axis; images are
 * {@code [channels, height, width]}) and owns its parameters. Built by a {@link LayerSpec} once
 * the input shape is known. Containers (sequential, residual, inception, graph) hold named children.
 */
public interface Layer {

    /** A named child of a container layer. */
    record Child(String name, Layer layer) {
    }

    /** The component name, e.g. {@code dense}. */
    String kind();

    /** The shape of one input sample. */
    int[] inputShape();

    /** The shape of one output sample. */
    int[] outputShape();

    /** The output for a batch {@code input} of shape {@code [batch, inputShape...]}. */
    Tensor forward(Tensor input, Pass pass);

    /** This layer's own parameters (not its children's), in a fixed order. */
    List<Parameter> parameters();

    /** The named children of a container, in order; none for a plain layer. */
    default List<Child> children() {
        return List.of();
    }

    /**
     * State that is saved with the model but not trained by gradients (batch norm's running mean
     * and variance), by name. The tensors are updated in place during training passes.
     */
    default Map<String, Tensor> buffers() {
        return Map.of();
    }

    /**
     * The activation this layer applies last ({@code softmax}, {@code sigmoid}, …, or
     * {@code linear}). A network trained with cross-entropy computes the loss from the values
     * before a final softmax or sigmoid ({@link #forwardBeforeActivation}), which is exact and stable.
     */
    default String finalActivation() {
        return "linear";
    }

    /** The output before {@link #finalActivation()}; the same as {@link #forward} for {@code linear}. */
    default Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        return forward(input, pass);
    }
}
