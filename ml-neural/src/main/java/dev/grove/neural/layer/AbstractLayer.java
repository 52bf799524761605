package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;

/** What every built layer shares: its kind and its per-sample input and output shapes, fixed at build. */
abstract class AbstractLayer implements Layer {

    private final String kind;
    private final int[] inputShape;
    private final int[] outputShape;

    AbstractLayer(String kind, int[] inputShape, int[] outputShape) {
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
        SampleShapes.checkBatch(kind, inputShape, input);
    }

    @Override
    public String toString() {
        return kind + " " + SampleShapes.str(inputShape) + " -> " + SampleShapes.str(outputShape);
    }
}
