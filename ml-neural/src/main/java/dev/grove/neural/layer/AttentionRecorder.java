package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;

/**
 * Receives the attention weights of the attention layers a pass runs through, in the order they
 * run, so a report can show which tokens each token attended to. Carried by {@link Pass#attention()};
 * attention layers call it when it is present and otherwise ignore it.
 */
@FunctionalInterface
public interface AttentionRecorder {

    /**
     * Records one attention layer's weights.
     *
     * @param layer   the attention layer
     * @param weights {@code [batch, heads, steps, steps]}: entry [b, h, i, j] is how much step i of
     *                sample b attends to step j in head h (a plain tensor, not part of any graph)
     */
    void record(Layer layer, Tensor weights);
}
