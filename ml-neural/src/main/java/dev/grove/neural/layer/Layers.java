package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a tree of layers: every layer with its dotted path ({@code residual-1.conv2d-2}), every
 * parameter and buffer with its full name ({@code residual-1.conv2d-2.weight}). These names key
 * saved models, checkpoints, {@code freeze} and {@code init-from}.
 */
public final class Layers {

    /** A layer and its dotted path from the root ("" for the root itself). */
    public record Named(String path, Layer layer) {
    }

    private Layers() {
    }

    /** The root and every descendant, depth first, parents before children. */
    public static List<Named> walk(Layer root) {
        List<Named> out = new ArrayList<>();
        walk("", root, out);
        return out;
    }

    private static void walk(String path, Layer layer, List<Named> out) {
        out.add(new Named(path, layer));
        for (Layer.Child child : layer.children()) {
            walk(path.isEmpty() ? child.name() : path + "." + child.name(), child.layer(), out);
        }
    }

    /** Every parameter by full name, in walk order. */
    public static Map<String, Parameter> parameters(Layer root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Named named : walk(root)) {
            for (Parameter p : named.layer().parameters()) {
                out.put(qualified(named.path(), p.name()), p);
            }
        }
        return out;
    }

    /** Every buffer by full name, in walk order. */
    public static Map<String, Tensor> buffers(Layer root) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Named named : walk(root)) {
            named.layer().buffers().forEach((name, tensor) -> out.put(qualified(named.path(), name), tensor));
        }
        return out;
    }

    /** Number of values in every parameter of the tree. */
    public static long parameterCount(Layer root) {
        return parameters(root).values().stream().mapToLong(Parameter::size).sum();
    }

    private static String qualified(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
