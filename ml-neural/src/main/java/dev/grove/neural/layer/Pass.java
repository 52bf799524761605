package dev.grove.neural.layer;

import dev.grove.tensor.Rng;

/**
 * How a forward pass runs: in training (dropout drops, batch norm uses and updates batch
 * statistics) or in inference, the random stream of this pass (dropout masks, noise), and which
 * positions of the batch's token sequences are padding. The training loop derives one stream per
 * step from the run's seed, so a resumed run draws exactly what an uninterrupted one would.
 *
 * @param training  whether this pass trains
 * @param rng       this pass's random stream
 * @param padding   the padded positions of the batch's token sequences, or null when none is padding
 *                  (or the input is not token sequences): attention and sequence pooling then leave them out
 * @param attention receives the weights of the attention layers the pass runs through, or null (the usual case)
 */
public record Pass(boolean training, Rng rng, Padding padding, AttentionRecorder attention) {

    /** A pass over a batch without padding. */
    public Pass(boolean training, Rng rng) {
        this(training, rng, null, null);
    }

    /** A pass over a batch with {@code padding} (null for none) that records no attention. */
    public Pass(boolean training, Rng rng, Padding padding) {
        this(training, rng, padding, null);
    }

    /** An inference pass (no randomness is drawn). */
    public static Pass inference() {
        return new Pass(false, new Rng(0));
    }

    /** This pass over a batch with {@code padding} (null for none). */
    public Pass withPadding(Padding padding) {
        return new Pass(training, rng, padding, attention);
    }

    /** This pass, with its attention layers reporting their weights to {@code recorder} (null for none). */
    public Pass withAttention(AttentionRecorder recorder) {
        return new Pass(training, rng, padding, recorder);
    }
}
