package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;

/**
 * A layer as configured (from YAML or Java), before it knows its input: what a LAYER component's
 * factory returns. Building it for an input shape creates the parameters.
 */
public interface LayerSpec {

    /** The component name, e.g. {@code conv2d}. */
    String kind();

    /**
     * The layer for samples of shape {@code inputShape}, initial weights drawn from {@code rng}.
     *
     * @throws IllegalArgumentException if the layer cannot take that shape, saying what it expects
     *                                  (e.g. "conv2d needs [channels, height, width] input, got [784]")
     */
    Layer build(int[] inputShape, Rng rng);

    /**
     * This spec with the sizes it takes from the training data filled in (a {@code dense} layer
     * without {@code units} gets one per class, an {@code embedding} without {@code vocab-size} the
     * vocabulary's size); containers resolve their children. A network calls it with the training
     * data's schema before {@link #build}. The default returns this spec: most layers take nothing
     * from the data but their input shape.
     *
     * @throws IllegalArgumentException if a size left to the data cannot be found in it (a
     *                                  {@code dense} without units on data without classes)
     */
    default LayerSpec forData(Schema schema) {
        return this;
    }
}
