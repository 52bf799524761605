package dev.grove.nlp.layer;

/**
 * PyTorch's LSTM cell, gates in the order i, f, g, o:
 * <pre>
 * i = σ(W_ii x + b_ii + W_hi h + b_hi)    f = σ(W_if x + b_if + W_hf h + b_hf)
 * g = tanh(W_ig x + b_ig + W_hg h + b_hg) o = σ(W_io x + b_io + W_ho h + b_ho)
 * c_t = f ⊙ c_{t−1} + i ⊙ g               h_t = o ⊙ tanh(c_t)
 * </pre>
 */
final class LstmCell extends RecurrentCell {

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
            for (int j = 0; j < n; j++) {
                float i = sigmoid(gates[g + j] + projection[p + j]);
                float f = sigmoid(gates[g + n + j] + projection[p + n + j]);
                float c = tanh(gates[g + 2 * n + j] + projection[p + 2 * n + j]);
                float o = sigmoid(gates[g + 3 * n + j] + projection[p + 3 * n + j]);
                float cellPrevious = previous < 0 ? 0f : cell[previous + j];
                float cellNow = f * cellPrevious + i * c;
                float squashed = tanh(cellNow);
                gates[g + j] = i;
                gates[g + n + j] = f;
                gates[g + 2 * n + j] = c;
                gates[g + 3 * n + j] = o;
                cell[h + j] = cellNow;
                tanhCell[h + j] = squashed;
                hidden[h + j] = o * squashed;
            }
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
