package dev.grove.neural.loss;

import dev.grove.tensor.Tensor;

/** A training objective: what a LOSS component's factory returns. */
public interface Loss {

    /**
     * The mean loss over the batch, a scalar tensor connected to {@code output}'s graph.
     *
     * @param output the network's output {@code [batch, ...]}; for {@code cross-entropy} the logits
     *               (the network hands over the values before a final softmax or sigmoid)
     * @param target class indices {@code [batch]} (as floats) for classification, or values shaped
     *               like {@code output}
     */
    Tensor compute(Tensor output, Tensor target);

    /**
     * Whether this loss takes the values before a final softmax or sigmoid (cross-entropy does: it
     * applies the log-softmax itself, stably).
     */
    default boolean takesLogits() {
        return false;
    }
}
