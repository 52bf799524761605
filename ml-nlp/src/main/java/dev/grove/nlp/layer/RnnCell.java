package dev.grove.nlp.layer;

/** The Elman cell: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh). */
final class RnnCell extends RecurrentCell {

    @Override
    int gates() {
        return 1;
    }

    @Override
    void forward(SequenceBuffers s, int t, float[] projection, float[] hiddenBias, int from, int to) {
        int units = s.units;
        float[] gates = s.gates;
        float[] hidden = s.hidden;
        for (int b = from; b < to; b++) {
            int g = s.gateRow(b, t);
            int p = b * units;
            int h = s.unitRow(b, t);
            for (int j = 0; j < units; j++) {
                hidden[h + j] = tanh(gates[g + j] + projection[p + j]);
            }
        }
    }

    @Override
    void backward(SequenceBuffers s, int t, float[] dh, float[] dc, int from, int to) {
        int units = s.units;
        float[] gates = s.gates;
        float[] hidden = s.hidden;
        for (int b = from; b < to; b++) {
            int g = s.gateRow(b, t);
            int d = b * units;
            int h = s.unitRow(b, t);
            for (int j = 0; j < units; j++) {
                float value = hidden[h + j];
                gates[g + j] = dh[d + j] * (1f - value * value);
                dh[d + j] = 0f;
            }
        }
    }
}
