package dev.grove.nlp.layer;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/**
 * PyTorch's LSTM cell, gates in the order i, f, g, o:
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h + b_hi)    f = σ(W_if x + b_if + W_hf h + b_hf)
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg) o = σ(W_io x + b_io + W_ho h + b_ho)
 * c_t = f ⊙ c_{t−1} + i ⊙ g               h_t = o ⊙ tanh(c_t)
 * </pre>
 */
final class LstmCell extends RecurrentCell {

    private static final Kernels KERNELS = KernelSelector.active();

    @Override
    int gates() {
        return 4;
    }

    @Override
    boolean hasCellState() {
        return true;
    }

    /** Keeps tanh(c_t). */
    @Override
    boolean savesPerUnit() {
        return true;
    }

    @Override
    void forward(SequenceBuffers s, int t, float[] projection, float[] hiddenBias, int from, int to) {
        int n = s.units;
        float[] gates = s.gates;
        float[] hidden = s.hidden;
        float[] cell = s.cell;
        float[] tanhCell = s.saved;
        for (int b = from; b < to; b++) {
            int g = s.gateRow(b, t);
            int p = b * s.width;
            int h = s.unitRow(b, t);
            int previous = t > 0 ? s.unitRow(b, t - 1) : -1;
            // The gates' squashing functions run on the kernels (vectorised), in place on the row [i f g o].
            KERNELS.add(gates, g, projection, p, gates, g, 4 * n);
            KERNELS.sigmoid(gates, g, gates, g, 2 * n);
            KERNELS.tanh(gates, g + 2 * n, gates, g + 2 * n, n);
            KERNELS.sigmoid(gates, g + 3 * n, gates, g + 3 * n, n);
            for (int j = 0; j < n; j++) {
                float cellPrevious = previous < 0 ? 0f : cell[previous + j];
                cell[h + j] = gates[g + n + j] * cellPrevious + gates[g + j] * gates[g + 2 * n + j];
            }
            KERNELS.tanh(cell, h, tanhCell, h, n);
            KERNELS.mul(gates, g + 3 * n, tanhCell, h, hidden, h, n);
        }
    }

    @Override
    void backward(SequenceBuffers s, int t, float[] dh, float[] dc, int from, int to) {
        int n = s.units;
        float[] gates = s.gates;
        float[] cell = s.cell;
        float[] tanhCell = s.saved;
        for (int b = from; b < to; b++) {
            int g = s.gateRow(b, t);
            int d = b * n;
            int h = s.unitRow(b, t);
            int previous = t > 0 ? s.unitRow(b, t - 1) : -1;
            for (int j = 0; j < n; j++) {
                float i = gates[g + j];
                float f = gates[g + n + j];
                float c = gates[g + 2 * n + j];
                float o = gates[g + 3 * n + j];
                float squashed = tanhCell[h + j];
                float cellPrevious = previous < 0 ? 0f : cell[previous + j];
                float gradHidden = dh[d + j];
                float gradCell = dc[d + j] + gradHidden * o * (1f - squashed * squashed);
                float gradI = gradCell * c;
                float gradF = gradCell * cellPrevious;
                float gradG = gradCell * i;
                float gradO = gradHidden * squashed;
                gates[g + j] = gradI * i * (1f - i);
                gates[g + n + j] = gradF * f * (1f - f);
                gates[g + 2 * n + j] = gradG * (1f - c * c);
                gates[g + 3 * n + j] = gradO * o * (1f - o);
                dc[d + j] = gradCell * f;
                dh[d + j] = 0f;
            }
        }
    }
}
