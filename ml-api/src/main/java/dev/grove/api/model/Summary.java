package dev.grove.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A model's structure as a table, Keras-style: one row per layer (or step) with its output shape
 * and parameter count, and the totals. {@code grove summary} prints it; reports show it.
 *
 * @param rows      the layers in order; nested blocks' layers follow their block, names dotted
 * @param total     all parameters
 * @param trainable parameters that training updates (not frozen)
 */
public record Summary(List<Row> rows, long total, long trainable) {

    /**
     * One layer.
     *
     * @param name        unique within the model, e.g. {@code conv2d-1} or {@code residual-1.dense-2}
     * @param kind        the component name, e.g. {@code conv2d}
     * @param outputShape per sample, without the batch axis, in the order the model reports shapes
     * @param parameters  learned numbers of this row itself
     */
    public record Row(String name, String kind, List<Integer> outputShape, long parameters) {
        /** Copies the shape. */
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            outputShape = List.copyOf(outputShape);
        }
    }

    /** Copies the rows. */
    public Summary {
        rows = List.copyOf(rows);
    }
}
