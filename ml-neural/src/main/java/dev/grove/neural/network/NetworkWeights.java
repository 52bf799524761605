package dev.grove.neural.network;

import dev.grove.api.model.ModelState;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's saved numbers: every parameter and buffer under its full name
 * ({@code conv2d-1.weight}, {@code batch-norm-1.running-mean}) as a float32 array of its shape.
 */
public final class NetworkWeights {

    private NetworkWeights() {
    }

    /** Every parameter value and buffer of the tree by full name, parameters first, in walk order. */
    public static Map<String, Tensor> arrays(Layer root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Layers.parameters(root).forEach((name, parameter) -> out.put(name, parameter.value()));
        Layers.buffers(root).forEach((name, buffer) -> {
            if (out.putIfAbsent(name, buffer) != null) {
                throw new IllegalStateException("network: buffer '" + name + "' has the name of a parameter");
            }
        });
        return out;
    }

    /** Adds every array of {@code root} to {@code state}. */
    public static ModelState.Builder write(Layer root, ModelState.Builder state) {
        return write("", root, state);
    }

    /**
     * Adds every array of {@code root} to {@code state}, each name preceded by {@code prefix} (e.g.
     * {@code "encoder."}), so that models made of several networks keep their arrays apart.
     */
    public static ModelState.Builder write(String prefix, Layer root, ModelState.Builder state) {
        arrays(root).forEach((name, tensor) -> state.add(prefix + name,
                new ModelState.Array(null, tensor.toFloatArray(), tensor.shape())));
        return state;
    }

    /**
     * Loads every array of {@code root} from {@code state}, which must hold exactly the tree's
     * arrays with the tree's shapes.
     *
     * @throws IllegalArgumentException naming a missing array, a shape mismatch (expected and found) or
     *                                  arrays the network does not have
     */
    public static void load(String component, Layer root, ModelState state) {
        load(component, "", root, state);
    }

    /**
     * As {@link #load(String, Layer, ModelState)} for the arrays whose names start with
     * {@code prefix} (written by {@link #write(String, Layer, ModelState.Builder)}): those must be
     * exactly the tree's; arrays under other prefixes are left alone.
     */
    public static void load(String component, String prefix, Layer root, ModelState state) {
        Map<String, Tensor> arrays = arrays(root);
        for (Map.Entry<String, Tensor> entry : arrays.entrySet()) {
            String name = prefix + entry.getKey();
            ModelState.Array saved = state.arrays().get(name);
            if (saved == null) {
                throw new IllegalArgumentException(component + ": the saved state has no array '" + name
                        + "' that the model needs (saved arrays: " + state.arrays().keySet() + ")");
            }
            if (!Arrays.equals(saved.shape(), entry.getValue().shape())) {
                throw new IllegalArgumentException(component + ": saved array '" + name + "' has shape "
                        + Arrays.toString(saved.shape()) + " but the model expects " + Arrays.toString(entry.getValue().shape()));
            }
            copy(saved, entry.getValue());
        }
        List<String> extra = state.arrays().keySet().stream()
                .filter(name -> name.startsWith(prefix) && !arrays.containsKey(name.substring(prefix.length()))).toList();
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException(component + ": the saved state has arrays the model does not: " + extra
                    + " (the model's arrays: " + arrays.keySet() + ")");
        }
    }

    /** Copies a saved array into a tensor of the same shape (float64 arrays are rounded to float32). */
    public static void copy(ModelState.Array saved, Tensor into) {
        float[] values = saved.isDouble() ? toFloats(saved.doubles()) : saved.floats();
        try (var off = Grad.off()) {
            into.copyFrom(into.rank() == 0 ? Tensor.scalar(values[0]) : Tensor.of(values, into.shape()));
        }
    }

    /** Copies a saved [rows, columns] matrix, transposed, into a [columns, rows] tensor (float64 rounded to float32). */
    public static void copyTransposed(ModelState.Array saved, Tensor into) {
        float[] values = saved.isDouble() ? toFloats(saved.doubles()) : saved.floats();
        try (var off = Grad.off()) {
            into.copyFrom(Tensor.of(values, saved.shape()).transpose(0, 1));
        }
    }

    /** Forgets training's gradients, so a fitted model does not keep them alive. */
    public static void dropGradients(Layer root) {
        for (Parameter parameter : Layers.parameters(root).values()) {
            parameter.value().zeroGrad();
        }
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
