package dev.grove.nlp.attention;

import dev.grove.neural.layer.Layer;
import java.util.Arrays;

/** What the attention layers share: their kind and their {@code [steps, features]} input and output shapes. */
abstract class SequenceLayer implements Layer {

    private final String kind;
    private final int[] inputShape;
    private final int[] outputShape;

    SequenceLayer(String kind, int[] inputShape, int[] outputShape) {
        this.kind = kind;
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
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

    /** The steps the layer was built for: the most a batch may have. */
    final int steps() {
        return inputShape[0];
    }

    /** The features of each step of the input. */
    final int features() {
        return inputShape[1];
    }

    @Override
    public String toString() {
        return kind + " " + Arrays.toString(inputShape) + " -> " + Arrays.toString(outputShape);
    }
}
