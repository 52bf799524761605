package dev.grove.nlp.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the recurrent layers {@code rnn}, {@code lstm} and {@code gru}, which take [steps, features]
 * samples and start from a zero state.
 *
 * @param units           size of the hidden state h (and of the LSTM's cell state c), ≥ 1
 * @param returnSequences true: h at every step, [steps, units]; false: the last step's h, [units]
 * @param truncate        0: full backpropagation through time. K > 0: truncated backpropagation
 *                        through time: the sequence is cut into chunks of K steps from its start
 *                        (steps 0…K−1, K…2K−1, …) and the state handed from one chunk to the next
 *                        is treated as a constant by the backward pass (as detaching it in PyTorch),
 *                        so the gradient from any step flows back through at most K steps, to the
 *                        start of its chunk. The forward pass is unchanged, and the weights still get
 *                        the gradient of every step.
 */
public record RecurrentParams(
        @Doc("Size of the hidden state") @Min(1) int units,
        @Doc("true: the hidden state at every step [steps, units]; false: only the last step's [units]")
        @Default("true") boolean returnSequences,
        @Doc("0: full backpropagation through time; K > 0: gradients flow back at most K steps"
                + " (chunks of K steps from the start, the state between chunks treated as a constant)")
        @Default("0") @Min(0) int truncate) {

    /** Validates every param. */
    public RecurrentParams {
        Params.atLeast("units", units, 1, false);
        Params.atLeast("truncate", truncate, 0, false);
    }

    /** {@code units} units returning every step, with full backpropagation through time. */
    public static RecurrentParams of(int units) {
        return new RecurrentParams(units, true, 0);
    }
}
