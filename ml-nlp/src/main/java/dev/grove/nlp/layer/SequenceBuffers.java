package dev.grove.nlp.layer;

/**
 * The arrays of one forward pass of a recurrent layer through a batch of sequences, kept for its
 * backward pass. Rows are (sample, step) pairs in the input's order: row {@code b * steps + t}.
 * Gate blocks follow PyTorch's order within a row ({@code i, f, g, o} for LSTM, {@code r, z, n} for
 * GRU), each {@code units} wide.
 */
final class SequenceBuffers {

    final int batch;
    final int steps;
    final int units;
    /** Width of a gate row: gates × units. */
    final int width;
    /**
     * [batch · steps, width]: the input projections plus biases; the forward pass overwrites them with
     * the gate activations, the backward pass with the gradients of the gates' pre-activations on
     * the input side (what the input weights and bias receive).
     */
    final float[] gates;
    /**
     * [batch · steps, width]: gradients of the pre-activations on the hidden side (what the hidden
     * weights and bias receive). The same array as {@link #gates} unless the cell multiplies part of
     * its hidden projection by a gate (GRU's n).
     */
    final float[] hiddenGates;
    /** [batch · steps, units]: h at every step. */
    final float[] hidden;
    /** [batch · steps, units]: the LSTM's cell state c at every step; null for other cells. */
    final float[] cell;
    /** [batch · steps, units]: what a cell's backward pass needs besides its gates (LSTM: tanh(c); GRU: W_hn h + b_hn). */
    final float[] saved;

    SequenceBuffers(RecurrentCell cell, int batch, int steps, int units, float[] hidden) {
        this.batch = batch;
        this.steps = steps;
        this.units = units;
        this.width = cell.gates() * units;
        int rows = batch * steps;
        this.gates = new float[rows * width];
        this.hiddenGates = cell.separateHiddenGradients() ? new float[rows * width] : gates;
        this.hidden = hidden;
        this.cell = cell.hasCellState() ? new float[rows * units] : null;
        this.saved = cell.savesPerUnit() ? new float[rows * units] : null;
    }

    /** Offset of row (b, t) in a [batch · steps, width] array. */
    int gateRow(int b, int t) {
        return (b * steps + t) * width;
    }

    /** Offset of row (b, t) in a [batch · steps, units] array. */
    int unitRow(int b, int t) {
        return (b * steps + t) * units;
    }
}
