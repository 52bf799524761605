package dev.grove.nlp.layer;

/**
 * PyTorch's GRU cell, gates in the order r, z, n:
 * <pre>
 * r = σ(W_ir x + b_ir + W_hr h + b_hr)    z = σ(W_iz x + b_iz + W_hz h + b_hz)
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 * h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * </pre>
 * Because r multiplies W_hn h + b_hn, the hidden side of n gets another gradient than the input side,
 * and b_hh is applied here at every step.
 */
final class GruCell extends RecurrentCell {

    @Override
    int gates() {
        return 3;
    }

    /** Keeps W_hn h_{t−1} + b_hn. */
    @Override
    boolean savesPerUnit() {
        return true;
    }

    @Override
    boolean separateHiddenGradients() {
        return true;
    }

    @Override
    void forward(SequenceBuffers s, int t, float[] projection, float[] hiddenBias, int from, int to) {
        int n = s.units;
        float[] gates = s.gates;
        float[] hidden = s.hidden;
        float[] hiddenCandidate = s.saved;
        for (int b = from; b < to; b++) {
            int g = s.gateRow(b, t);
            int p = b * s.width;
            int h = s.unitRow(b, t);
            int previous = t > 0 ? s.unitRow(b, t - 1) : -1;
            for (int j = 0; j < n; j++) {
                float r = sigmoid(gates[g + j] + projection[p + j] + hiddenBias[j]);
                float z = sigmoid(gates[g + n + j] + projection[p + n + j] + hiddenBias[n + j]);
                float candidate = projection[p + 2 * n + j] + hiddenBias[2 * n + j];
                float next = tanh(gates[g + 2 * n + j] + r * candidate);
                float hiddenPrevious = previous < 0 ? 0f : hidden[previous + j];
                gates[g + j] = r;
                gates[g + n + j] = z;
                gates[g + 2 * n + j] = next;
                hiddenCandidate[h + j] = candidate;
                hidden[h + j] = (1f - z) * next + z * hiddenPrevious;
            }
        }
    }

    @Override
    void backward(SequenceBuffers s, int t, float[] dh, float[] dc, int from, int to) {
        int n = s.units;
        float[] gates = s.gates;
        float[] hiddenGates = s.hiddenGates;
        float[] hidden = s.hidden;
        float[] hiddenCandidate = s.saved;
        for (int b = from; b < to; b++) {
            int g = s.gateRow(b, t);
            int d = b * n;
            int h = s.unitRow(b, t);
            int previous = t > 0 ? s.unitRow(b, t - 1) : -1;
            for (int j = 0; j < n; j++) {
                float r = gates[g + j];
                float z = gates[g + n + j];
                float next = gates[g + 2 * n + j];
                float hiddenPrevious = previous < 0 ? 0f : hidden[previous + j];
                float gradHidden = dh[d + j];
                float gradNext = gradHidden * (1f - z) * (1f - next * next);
                float gradZ = gradHidden * (hiddenPrevious - next) * z * (1f - z);
                float gradR = gradNext * hiddenCandidate[h + j] * r * (1f - r);
                gates[g + j] = gradR;
                gates[g + n + j] = gradZ;
                gates[g + 2 * n + j] = gradNext;
                hiddenGates[g + j] = gradR;
                hiddenGates[g + n + j] = gradZ;
                hiddenGates[g + 2 * n + j] = gradNext * r;
                dh[d + j] = gradHidden * z;
            }
        }
    }
}
