package dev.grove.nlp.layer;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A recurrent layer as configured: {@code rnn}, {@code lstm} or {@code gru} on [steps, features]
 * samples, starting from a zero state, with PyTorch's equations, gate order and parameters:
 * {@code weight-ih} [gates · units, features], {@code weight-hh} [gates · units, units],
 * {@code bias-ih} and {@code bias-hh} [gates · units] (gates: 1, 4 and 3), all drawn from
 * U(−1/√units, 1/√units), so parameter counts equal PyTorch's.
 *
 * <p>The course's Elman network h_t = tanh(U x_t + V h_{t−1}), o_t = W h_t is an {@code rnn}
 * (U = weight-ih, V = weight-hh, plus biases) followed by a {@code dense} layer, which maps every
 * step of a [steps, units] sequence with the same W.
 *
 * @param kind   {@value #RNN}, {@value #LSTM} or {@value #GRU}
 * @param params its params
 */
public record RecurrentSpec(String kind, RecurrentParams params) implements LayerSpec {

    /** The Elman network's layer. */
    public static final String RNN = "rnn";
    /** The long short-term memory layer. */
    public static final String LSTM = "lstm";
    /** The gated recurrent unit layer. */
    public static final String GRU = "gru";

    /** Checks the kind and that the params are given. */
    public RecurrentSpec {
        Objects.requireNonNull(params, "params");
        if (!RNN.equals(kind) && !LSTM.equals(kind) && !GRU.equals(kind)) {
            throw new IllegalArgumentException("recurrent layer kind must be rnn, lstm or gru, got '" + kind + "'");
        }
    }

    /** An {@code rnn} layer. */
    public static RecurrentSpec rnn(RecurrentParams params) {
        return new RecurrentSpec(RNN, params);
    }

    /** An {@code lstm} layer. */
    public static RecurrentSpec lstm(RecurrentParams params) {
        return new RecurrentSpec(LSTM, params);
    }

    /** A {@code gru} layer. */
    public static RecurrentSpec gru(RecurrentParams params) {
        return new RecurrentSpec(GRU, params);
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        if (inputShape == null || inputShape.length != 2 || inputShape[0] < 1 || inputShape[1] < 1) {
            throw new IllegalArgumentException(kind + " needs [steps, features] input, got "
                    + (inputShape == null ? "none" : Arrays.toString(inputShape))
                    + "; put an embedding before it for [steps] token ids");
        }
        RecurrentCell cell = switch (kind) {
            case RNN -> new RnnCell();
            case LSTM -> new LstmCell();
            default -> new GruCell();
        };
        int units = params.units();
        int width = cell.gates() * units;
        float bound = (float) (1 / Math.sqrt(units));
        Parameter weightIh = new Parameter("weight-ih", Tensor.uniform(rng.derive("weight-ih"), -bound, bound, width, inputShape[1]));
        Parameter weightHh = new Parameter("weight-hh", Tensor.uniform(rng.derive("weight-hh"), -bound, bound, width, units));
        Parameter biasIh = new Parameter("bias-ih", Tensor.uniform(rng.derive("bias-ih"), -bound, bound, width));
        Parameter biasHh = new Parameter("bias-hh", Tensor.uniform(rng.derive("bias-hh"), -bound, bound, width));
        int[] outputShape = params.returnSequences() ? new int[] {inputShape[0], units} : new int[] {units};
        return new RecurrentLayer(kind, cell, inputShape, outputShape, params, weightIh, weightHh, biasIh, biasHh);
    }
}
