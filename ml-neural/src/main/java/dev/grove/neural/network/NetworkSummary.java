package dev.grove.neural.network;

import dev.grove.api.model.Summary;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Keras-style table of a built network: one row per layer of the top-level container, each
 * block's layers after it under dotted names, with output shapes in Keras order (images channels
 * last: {@code [32, 30, 30]} is shown as {@code (30, 30, 32)}) and each row's own parameter count.
 */
final class NetworkSummary {

    private NetworkSummary() {
    }

    /** The summary of {@code root}; trainable excludes frozen parameters. */
    static Summary of(Layer root) {
        List<Summary.Row> rows = new ArrayList<>();
        for (Layers.Named named : Layers.walk(root)) {
            boolean isRoot = named.path().isEmpty();
            // The root container is the table itself; it gets a row only when it is a plain layer or holds parameters of its own.
            if (isRoot && !root.children().isEmpty() && ownParameters(root) == 0) {
                continue;
            }
            Layer layer = named.layer();
            rows.add(new Summary.Row(isRoot ? layer.kind() : named.path(), layer.kind(), kerasOrder(layer.outputShape()),
                    ownParameters(layer)));
        }
        long total = 0;
        long trainable = 0;
        for (Parameter parameter : Layers.parameters(root).values()) {
            total += parameter.size();
            trainable += parameter.frozen() ? 0 : parameter.size();
        }
        return new Summary(rows, total, trainable);
    }

    /** A per-sample shape as Keras prints it: {@code [channels, height, width]} becomes (height, width, channels). */
    static List<Integer> kerasOrder(int[] shape) {
        int[] ordered = shape.length == 3 ? new int[] {shape[1], shape[2], shape[0]} : shape;
        return Arrays.stream(ordered).boxed().toList();
    }

    private static long ownParameters(Layer layer) {
        return layer.parameters().stream().mapToLong(Parameter::size).sum();
    }
}
