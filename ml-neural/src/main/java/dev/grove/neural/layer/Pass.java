package dev.grove.neural.layer;

import dev.grove.tensor.Rng;

/**
 * How a forward pass runs: in training (dropout drops, batch norm uses and updates batch
 * statistics) or in inference, and the random stream of this pass (dropout masks, noise). The
 * training loop derives one stream per step from the run's seed, so a resumed run draws exactly
 * what an uninterrupted one would.
 *
 * @param training whether this pass trains
 * @param rng      this pass's random stream
 */
public record Pass(boolean training, Rng rng) {

    /** An inference pass (no randomness is drawn). */
    public static Pass inference() {
        return new Pass(false, new Rng(0));
    }
}
