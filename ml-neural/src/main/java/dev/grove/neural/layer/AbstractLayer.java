package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.Objects;

/**
 * The base of a built layer: it holds the layer's kind and its per-sample input and output shapes
 * (no batch axis), fixed when a {@link LayerSpec} builds it, and checks that a batch fits them. Every
 * layer of Grove extends it, and a plugin's layers can too: a subclass implements {@link #forward}
 * (calling {@link #checkInput} first, so a wrong tensor is reported by the layer it enters) and
 * {@link #parameters}, and overrides {@link #children} or {@link #buffers} when it has them.
 *
 * <pre>{@code
 * final class ScaleLayer extends AbstractLayer {
 *     private final Parameter scale;
 *
 *     ScaleLayer(int[] shape, Parameter scale) {
 *         super("scale", shape, shape);
 *         this.scale = scale;
 *     }
 *
 *     public Tensor forward(Tensor input, Pass pass) {
 *         checkInput(input);
 *         return input.mul(scale.value());
 *     }
 *
 *     public List<Parameter> parameters() {
 *         return List.of(scale);
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractLayer implements Layer {

    private final String kind;
    private final int[] inputShape;
    private final int[] outputShape;

    /**
     * @param kind        the component name, e.g. {@code dense}; it names the layer in error messages
     * @param inputShape  the shape of one input sample (copied)
     * @param outputShape the shape of one output sample (copied)
     */
    protected AbstractLayer(String kind, int[] inputShape, int[] outputShape) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.inputShape = Objects.requireNonNull(inputShape, "inputShape").clone();
        this.outputShape = Objects.requireNonNull(outputShape, "outputShape").clone();
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final int[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public final int[] outputShape() {
        return outputShape.clone();
    }

    /**
     * Throws an {@link IllegalArgumentException} naming this layer unless {@code input} is
     * {@code [batch, inputShape...]}, e.g. "dense was built for input [batch, 4], got a tensor of shape [2, 5]".
     */
    protected final void checkInput(Tensor input) {
        SampleShapes.checkBatch(kind, inputShape, input);
    }

    /** The kind and shapes, e.g. {@code dense [4] -> [3]}. */
    @Override
    public String toString() {
        return kind + " " + SampleShapes.str(inputShape) + " -> " + SampleShapes.str(outputShape);
    }
}
