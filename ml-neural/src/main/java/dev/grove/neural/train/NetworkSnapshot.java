package dev.grove.neural.train;

import dev.grove.api.model.ModelState;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies of a network's parameter values and buffers by full name: the best epoch's weights kept
 * for early stopping, and what a checkpoint stores. Taking a snapshot again reuses its storage.
 */
final class NetworkSnapshot {

    private static final String PARAMETER = "parameter/";
    private static final String BUFFER = "buffer/";

    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();

    /** Copies the current values of {@code liveParameters} and {@code liveBuffers} into this snapshot. */
    void capture(Map<String, Parameter> liveParameters, Map<String, Tensor> liveBuffers) {
        try (var g = Grad.off()) {
            liveParameters.forEach((name, p) -> copyInto(parameters, name, p.value()));
            liveBuffers.forEach((name, t) -> copyInto(buffers, name, t));
        }
    }

    private static void copyInto(Map<String, Tensor> copies, String name, Tensor live) {
        Tensor copy = copies.get(name);
        if (copy == null) {
            copies.put(name, live.copy());
        } else {
            copy.copyFrom(live);
        }
    }

    /** Puts the snapshot's values back into the live tensors. */
    void restore(Map<String, Parameter> liveParameters, Map<String, Tensor> liveBuffers) {
        try (var g = Grad.off()) {
            liveParameters.forEach((name, p) -> p.value().copyFrom(parameters.get(name)));
            liveBuffers.forEach((name, t) -> t.copyFrom(buffers.get(name)));
        }
    }

    /** Adds the values to {@code state} as float32 arrays named {@code prefix + "parameter/" + name} and {@code prefix + "buffer/" + name}. */
    void writeTo(ModelState.Builder state, String prefix) {
        parameters.forEach((name, t) -> state.add(prefix + PARAMETER + name, new ModelState.Array(null, t.toFloatArray(), t.shape())));
        buffers.forEach((name, t) -> state.add(prefix + BUFFER + name, new ModelState.Array(null, t.toFloatArray(), t.shape())));
    }

    /**
     * The snapshot {@link #writeTo} stored under {@code prefix}, checked against the live network: every
     * parameter and buffer present with the live shape.
     *
     * @throws IllegalArgumentException naming the missing or misshapen entry and {@code source}
     */
    static NetworkSnapshot readFrom(ModelState state, String prefix, Map<String, Parameter> liveParameters,
                                    Map<String, Tensor> liveBuffers, String source) {
        NetworkSnapshot snapshot = new NetworkSnapshot();
        liveParameters.forEach((name, p) ->
                snapshot.parameters.put(name, read(state, prefix + PARAMETER + name, p.value().shape(), source)));
        liveBuffers.forEach((name, t) -> snapshot.buffers.put(name, read(state, prefix + BUFFER + name, t.shape(), source)));
        return snapshot;
    }

    private static Tensor read(ModelState state, String name, int[] shape, String source) {
        ModelState.Array array = state.arrays().get(name);
        if (array == null) {
            throw new IllegalArgumentException(source + " has no array '" + name + "': it was written for another network");
        }
        if (!Arrays.equals(array.shape(), shape) || array.isDouble()) {
            throw new IllegalArgumentException(source + ": array '" + name + "' is " + (array.isDouble() ? "float64 " : "float32 ")
                    + Arrays.toString(array.shape()) + " but the network needs float32 " + Arrays.toString(shape));
        }
        return tensor(array);
    }

    /** The float32 {@code array} as a tensor of its shape (rank 0 included). */
    static Tensor tensor(ModelState.Array array) {
        return array.shape().length == 0 ? Tensor.scalar(array.floats()[0]) : Tensor.of(array.floats(), array.shape());
    }
}
