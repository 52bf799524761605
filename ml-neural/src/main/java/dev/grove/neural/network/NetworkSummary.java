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
 * Models made of several networks (an autoencoder's encoder and decoder, a GAN's generator and
 * discriminator) are summarised part by part with {@link #ofParts}.
 */
public final class NetworkSummary {

    private NetworkSummary() {
    }

    /** The summary of {@code root}; trainable excludes frozen parameters. */
    public static Summary of(Layer root) {
        return ofParts(List.of(new Layer.Child("", root)));
    }

    /**
     * The summary of a model made of several networks: each part's rows in turn, named after the
     * part ({@code encoder.dense-1}; a part that is a single layer is one row named after the part),
     * totals summed over the parts; trainable excludes frozen parameters.
     */
    public static Summary ofParts(List<Layer.Child> parts) {
        List<Summary.Row> rows = new ArrayList<>();
        long total = 0;
        long trainable = 0;
        for (Layer.Child part : parts) {
            addRows(part.name(), part.layer(), rows);
            for (Parameter parameter : Layers.parameters(part.layer()).values()) {
                total += parameter.size();
                trainable += parameter.frozen() ? 0 : parameter.size();
            }
        }
        return new Summary(rows, total, trainable);
    }

    /** Adds the rows of {@code root}, named under {@code prefix} (none when empty). */
    private static void addRows(String prefix, Layer root, List<Summary.Row> rows) {
        for (Layers.Named named : Layers.walk(root)) {
            boolean isRoot = named.path().isEmpty();
            // The root container is the table itself; it gets a row only when it is a plain layer or holds parameters of its own.
            if (isRoot && !root.children().isEmpty() && ownParameters(root) == 0) {
                continue;
            }
            Layer layer = named.layer();
            String name = isRoot ? (prefix.isEmpty() ? layer.kind() : prefix)
                    : (prefix.isEmpty() ? named.path() : prefix + "." + named.path());
            rows.add(new Summary.Row(name, layer.kind(), kerasOrder(layer.outputShape()), ownParameters(layer)));
        }
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
