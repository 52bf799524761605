package dev.grove.api.model;

import dev.grove.api.data.Schema;

/**
 * An estimator that can lay out the model it would build for data of a given schema without
 * fitting it (a network: layers, output shapes, parameter counts).
 */
public interface Summarized {

    /**
     * The structure for inputs described by {@code schema} (its sample shape and classes).
     *
     * @throws IllegalArgumentException if the model does not fit that input, naming the layer and shapes
     */
    Summary summary(Schema schema);
}
