package dev.grove.nlp.layer;

import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;

/**
 * A recurrent layer's pass over a whole batch of sequences as one fused autograd op, with its own
 * backpropagation through time. Forward: one matrix product projects the input of every step
 * ([batch · steps, features] · W_ihᵀ); then, step by step, h_{t−1}·W_hhᵀ ([batch, units] ·
 * [units, gates · units]) and the cell's gate arithmetic. Backward, steps in reverse: the cell's
 * gradients and one product carrying the gradient of h back a step through W_hh; then one product
 * each for the gradients of W_ih, W_hh and the input, over all steps at once.
 *
 * <p>Deterministic: the products are the kernels' (fixed blocking), rows of the gate arithmetic are
 * independent, and sums over steps and samples run in a fixed order.
 */
final class ThroughTime {

    /** Batch rows per parallel task of the gate arithmetic: each task still runs long vector-friendly loops. */
    private static final int ROWS_PER_TASK = 8;

    private ThroughTime() {
    }

    /**
     * The recurrent layer's output for {@code input} [batch, steps, features].
     *
     * @param weightIh        [gates · units, features]
     * @param weightHh        [gates · units, units]
     * @param biasIh          [gates · units]
     * @param biasHh          [gates · units]
     * @param returnSequences whether to return h at every step [batch, steps, units] or the last [batch, units]
     * @param truncate        0, or the chunk length of truncated backpropagation through time
     */
    static Tensor apply(String kind, RecurrentCell cell, Tensor input, Tensor weightIh, Tensor weightHh, Tensor biasIh,
                        Tensor biasHh, boolean returnSequences, int truncate) {
        int batch = input.dim(0);
        int steps = input.dim(1);
        int features = input.dim(2);
        int units = weightHh.dim(1);
        Kernels kernels = KernelSelector.active();
        float[] x = TensorStorage.data(input);
        float[] wIh = TensorStorage.data(weightIh);
        float[] wHh = TensorStorage.data(weightHh);
        float[] bHh = TensorStorage.data(biasHh);

        Tensor sequence = Tensor.zeros(batch, steps, units);
        SequenceBuffers s = new SequenceBuffers(cell, batch, steps, units, TensorStorage.data(sequence));
        int width = s.width;
        int rows = batch * steps;
        kernels.gemm(false, true, rows, width, features, x, 0, features, wIh, 0, features, s.gates, 0, width, false);
        addBias(s.gates, rows, width, inputBias(cell, TensorStorage.data(biasIh), bHh));

        // W_hhᵀ laid out once: the kernels pack a plain right operand faster than a transposed one, every step.
        float[] wHhTransposed = transpose(wHh, width, units);
        float[] projection = new float[batch * width];
        for (int t = 0; t < steps; t++) {
            if (t > 0) {
                kernels.gemm(false, false, batch, width, units, s.hidden, s.unitRow(0, t - 1), steps * units,
                        wHhTransposed, 0, width, projection, 0, width, false);
            }
            int step = t;
            forRows(batch, (from, to) -> cell.forward(s, step, projection, bHh, from, to));
        }

        Tensor output = returnSequences ? sequence : lastStep(s);
        return CustomOp.apply(kind, output, gradOutput -> backward(cell, s, TensorStorage.data(gradOutput), input,
                weightIh, weightHh, returnSequences, truncate), input, weightIh, weightHh, biasIh, biasHh);
    }

    /** The [columns, rows] transpose of a row-major [rows, columns] matrix. */
    private static float[] transpose(float[] matrix, int rows, int columns) {
        float[] transposed = new float[matrix.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                transposed[c * rows + r] = matrix[r * columns + c];
            }
        }
        return transposed;
    }

    /** The bias added to the input projection: b_ih, plus b_hh when the cell does not apply it itself. */
    private static float[] inputBias(RecurrentCell cell, float[] biasIh, float[] biasHh) {
        if (cell.separateHiddenGradients()) {
            return biasIh;
        }
        float[] sum = new float[biasIh.length];
        for (int j = 0; j < sum.length; j++) {
            sum[j] = biasIh[j] + biasHh[j];
        }
        return sum;
    }

    private static void addBias(float[] values, int rows, int width, float[] bias) {
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            for (int j = 0; j < width; j++) {
                values[offset + j] += bias[j];
            }
        }
    }

    private static Tensor lastStep(SequenceBuffers s) {
        Tensor last = Tensor.zeros(s.batch, s.units);
        float[] out = TensorStorage.data(last);
        for (int b = 0; b < s.batch; b++) {
            System.arraycopy(s.hidden, s.unitRow(b, s.steps - 1), out, b * s.units, s.units);
        }
        return last;
    }

    private static Tensor[] backward(RecurrentCell cell, SequenceBuffers s, float[] gradOutput, Tensor input,
                                     Tensor weightIh, Tensor weightHh, boolean returnSequences, int truncate) {
        Kernels kernels = KernelSelector.active();
        int batch = s.batch;
        int steps = s.steps;
        int units = s.units;
        int width = s.width;
        int rows = batch * steps;
        int features = input.dim(2);
        float[] wHh = TensorStorage.data(weightHh);
        float[] dh = new float[batch * units];
        float[] dc = cell.hasCellState() ? new float[batch * units] : null;
        for (int t = steps - 1; t >= 0; t--) {
            addOutputGradient(s, gradOutput, dh, t, returnSequences);
            int step = t;
            forRows(batch, (from, to) -> cell.backward(s, step, dh, dc, from, to));
            if (t == 0) {
                break;
            }
            if (truncate > 0 && t % truncate == 0) {
                // h_{t-1} (and c_{t-1}) start a new chunk: the backward pass treats them as constants.
                Arrays.fill(dh, 0f);
                if (dc != null) {
                    Arrays.fill(dc, 0f);
                }
            } else {
                kernels.gemm(false, false, batch, units, width, s.hiddenGates, s.gateRow(0, t), steps * width,
                        wHh, 0, units, dh, 0, units, true);
            }
        }

        Tensor gradWeightIh = Tensor.zeros(width, features);
        kernels.gemm(true, false, width, features, rows, s.gates, 0, width, TensorStorage.data(input), 0, features,
                TensorStorage.data(gradWeightIh), 0, features, false);
        Tensor gradWeightHh = Tensor.zeros(width, units);
        kernels.gemm(true, false, width, units, rows, s.hiddenGates, 0, width, previousHidden(s), 0, units,
                TensorStorage.data(gradWeightHh), 0, units, false);
        Tensor gradBiasIh = columnSums(s.gates, rows, width);
        Tensor gradBiasHh = s.hiddenGates == s.gates ? gradBiasIh.copy() : columnSums(s.hiddenGates, rows, width);
        Tensor gradInput = null;
        if (input.requiresGrad()) {
            gradInput = Tensor.zeros(batch, steps, features);
            kernels.gemm(false, false, rows, features, width, s.gates, 0, width, TensorStorage.data(weightIh), 0, features,
                    TensorStorage.data(gradInput), 0, features, false);
        }
        return new Tensor[] {gradInput, gradWeightIh, gradWeightHh, gradBiasIh, gradBiasHh};
    }

    /** Adds the gradient the loss sends to h_t directly (from this layer's output) to {@code dh}. */
    private static void addOutputGradient(SequenceBuffers s, float[] gradOutput, float[] dh, int t, boolean returnSequences) {
        int units = s.units;
        if (!returnSequences && t != s.steps - 1) {
            return;
        }
        for (int b = 0; b < s.batch; b++) {
            int from = returnSequences ? s.unitRow(b, t) : b * units;
            int to = b * units;
            for (int j = 0; j < units; j++) {
                dh[to + j] += gradOutput[from + j];
            }
        }
    }

    /** [batch · steps, units] with row (b, t) = h_{t−1} of sample b (zeros at t = 0): the right operand of dW_hh. */
    private static float[] previousHidden(SequenceBuffers s) {
        float[] previous = new float[s.hidden.length];
        for (int b = 0; b < s.batch; b++) {
            System.arraycopy(s.hidden, s.unitRow(b, 0), previous, s.unitRow(b, 1), (s.steps - 1) * s.units);
        }
        return previous;
    }

    private static Tensor columnSums(float[] values, int rows, int width) {
        Tensor sums = Tensor.zeros(width);
        float[] out = TensorStorage.data(sums);
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            for (int j = 0; j < width; j++) {
                out[j] += values[offset + j];
            }
        }
        return sums;
    }

    /** Row ranges of a step's gate arithmetic. */
    @FunctionalInterface
    private interface RowRange {
        void run(int from, int to);
    }

    /** Runs {@code range} over [0, batch) in fixed blocks of {@link #ROWS_PER_TASK} rows, in parallel when the budget allows. */
    private static void forRows(int batch, RowRange range) {
        int tasks = (batch + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        ThreadBudget.parallelFor(tasks, task -> range.run(task * ROWS_PER_TASK, Math.min(batch, (task + 1) * ROWS_PER_TASK)));
    }
}
