package dev.grove.nlp.layer;

/**
 * The per-step arithmetic of one kind of recurrent cell, over arrays. {@link ThroughTime} does the
 * matrix products (the input projection of every step, h_{t−1}·W_hhᵀ, and their gradients); a cell
 * turns a step's pre-activations into its gates and new state, and back. Each method works on the
 * batch rows [from, to) of one step, so rows can run in parallel.
 */
abstract sealed class RecurrentCell permits RnnCell, LstmCell, GruCell {

    /** Number of gate blocks: 1 for rnn, 4 for lstm, 3 for gru. */
    abstract int gates();

    /** Whether the cell carries a cell state c besides h (LSTM). */
    boolean hasCellState() {
        return false;
    }

    /** Whether {@link SequenceBuffers#saved} is needed. */
    boolean savesPerUnit() {
        return false;
    }

    /**
     * Whether the hidden-side gradients differ from the input-side ones, so they need their own
     * array; then the hidden bias b_hh is applied by the cell at each step instead of being added to
     * the input projection once.
     */
    boolean separateHiddenGradients() {
        return false;
    }

    /**
     * Step t of rows [from, to): reads the pre-activations in {@code s.gates} (input projection and
     * biases) and {@code projection} (h_{t−1}·W_hhᵀ, row b at {@code b * s.width}, zeros at t = 0),
     * writes the gate activations back to {@code s.gates} and h_t (and c_t) to the state arrays.
     *
     * @param hiddenBias b_hh, which only cells with {@link #separateHiddenGradients()} read
     */
    abstract void forward(SequenceBuffers s, int t, float[] projection, float[] hiddenBias, int from, int to);

    /**
     * The backward pass of step t for rows [from, to). On entry {@code dh} (row b at
     * {@code b * s.units}) holds the gradient of h_t and {@code dc} that of c_t (LSTM only); on exit
     * they hold the part of the gradient of h_{t−1} and c_{t−1} that does not pass through W_hh (zero
     * for cells whose h_{t−1} only enters through W_hh). Writes the gradients of the step's
     * pre-activations to {@code s.gates} and, when separate, {@code s.hiddenGates}.
     */
    abstract void backward(SequenceBuffers s, int t, float[] dh, float[] dc, int from, int to);

    static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    /** tanh through one exponential; exact limits ±1 for large |x| (exp overflows to infinity or underflows to 0). */
    static float tanh(float x) {
        return 1f - 2f / (1f + (float) Math.exp(2f * x));
    }
}
