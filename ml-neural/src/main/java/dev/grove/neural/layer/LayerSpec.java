package dev.grove.neural.layer;

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
}
