package dev.grove.nlp.layer;

import dev.grove.neural.layer.Layer;
import dev.grove.tensor.Tensor;
import java.util.Arrays;

/** What the built sequence layers share: their kind and per-sample input and output shapes, fixed at build. */
abstract class BuiltLayer implements Layer {

    private final String kind;
    private final int[] inputShape;
    private final int[] outputShape;

    BuiltLayer(String kind, int[] inputShape, int[] outputShape) {
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

    /** Throws unless {@code input} is {@code [batch, inputShape...]}, so a wrong tensor is caught where it enters. */
    final void checkInput(Tensor input) {
        int[] shape = input.shape();
        boolean matches = shape.length == inputShape.length + 1;
        for (int i = 0; matches && i < inputShape.length; i++) {
            matches = shape[i + 1] == inputShape[i];
        }
        if (!matches) {
            throw new IllegalArgumentException(kind + " was built for input [batch, "
                    + Arrays.toString(inputShape).substring(1) + ", got a tensor of shape " + Arrays.toString(shape));
        }
    }

    @Override
    public String toString() {
        return kind + " " + Arrays.toString(inputShape) + " -> " + Arrays.toString(outputShape);
    }
}
