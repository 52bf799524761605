package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients. One optimizer serves one network's parameters; frozen
 * parameters are skipped (their values stay bitwise unchanged).
 */
public interface Optimizer {

    /** The parameters it updates, in a fixed order. */
    List<Parameter> parameters();

    /** One update of every trainable parameter with a gradient, at {@code learningRate}. */
    void step(float learningRate);

    /**
     * Its state (moments, step count) by name, for checkpoints: restoring it with
     * {@link #restore} makes the next steps equal to an uninterrupted run's.
     */
    Map<String, Tensor> state();

    /**
     * Restores a state {@link #state()} returned.
     *
     * @throws IllegalArgumentException naming a missing entry or a shape that does not fit
     */
    void restore(Map<String, Tensor> state);
}
