package dev.grove.nlp.attention;

import dev.grove.tensor.Tensor;

/** A layer that can show its self-attention weights: which steps each step attends to. */
public interface AttentionWeights {

    /**
     * The attention weights of one input sample in an inference pass (no dropout, no gradients).
     *
     * @param sample one {@code [steps, features]} input of the layer
     * @return {@code [heads, steps, steps]}: entry [h, i, j] is how much step i attends to step j in head h
     * @throws IllegalArgumentException if the sample does not have the layer's input shape
     */
    Tensor attentionWeights(Tensor sample);
}
