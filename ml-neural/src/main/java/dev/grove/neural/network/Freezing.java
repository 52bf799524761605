package dev.grove.neural.network;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies {@code train.freeze}: the named layers (top-level names such as {@code conv2d-1}, or dotted
 * paths into blocks such as {@code residual-1.conv2d-2}), or, given one number N, the first N
 * top-level layers that have parameters. Every parameter of a frozen layer and of its children is
 * marked frozen, so training leaves it bitwise unchanged.
 */
final class Freezing {

    private static final Pattern COUNT = Pattern.compile("[+-]?\\d+");

    private Freezing() {
    }

    /**
     * Freezes what {@code freeze} names in {@code root}.
     *
     * @return the names of the frozen layers, in order
     * @throws IllegalArgumentException for an unknown layer name (listing the valid ones) or a count
     *                                  below 0 or above the number of layers with parameters
     */
    static List<String> apply(String component, Layer root, List<String> freeze) {
        if (freeze.isEmpty()) {
            return List.of();
        }
        Map<String, Layer> topLevel = topLevel(root);
        Map<String, Layer> chosen = new LinkedHashMap<>();
        if (freeze.size() == 1 && COUNT.matcher(freeze.get(0).trim()).matches()) {
            chosen.putAll(firstWithParameters(component, topLevel, freeze.get(0).trim()));
        } else {
            Map<String, Layer> all = new LinkedHashMap<>(topLevel);
            for (Layers.Named named : Layers.walk(root)) {
                if (!named.path().isEmpty()) {
                    all.putIfAbsent(named.path(), named.layer());
                }
            }
            for (String name : freeze) {
                Layer layer = all.get(name);
                if (layer == null) {
                    throw new IllegalArgumentException(component + ": train.freeze names no layer '" + name
                            + "'; the layers are " + String.join(", ", all.keySet())
                            + " (or give one number N to freeze the first N layers with parameters)");
                }
                chosen.put(name, layer);
            }
        }
        chosen.values().forEach(layer -> Layers.parameters(layer).values().forEach(p -> p.setFrozen(true)));
        return List.copyOf(chosen.keySet());
    }

    /** The root's children by name, or the root itself (under its kind) when it is a single layer. */
    private static Map<String, Layer> topLevel(Layer root) {
        Map<String, Layer> out = new LinkedHashMap<>();
        if (root.children().isEmpty()) {
            out.put(root.kind(), root);
        } else {
            root.children().forEach(child -> out.put(child.name(), child.layer()));
        }
        return out;
    }

    private static Map<String, Layer> firstWithParameters(String component, Map<String, Layer> topLevel, String text) {
        long count;
        try {
            count = Long.parseLong(text);
        } catch (NumberFormatException tooLong) {
            count = Long.MAX_VALUE;
        }
        List<String> withParameters = new ArrayList<>();
        topLevel.forEach((name, layer) -> {
            if (Layers.parameters(layer).values().stream().mapToLong(Parameter::size).sum() > 0) {
                withParameters.add(name);
            }
        });
        if (count < 0 || count > withParameters.size()) {
            throw new IllegalArgumentException(component + ": train.freeze: " + text + " must be between 0 and the "
                    + withParameters.size() + " layers with parameters (" + String.join(", ", withParameters) + ")");
        }
        Map<String, Layer> out = new LinkedHashMap<>();
        for (String name : withParameters.subList(0, (int) count)) {
            out.put(name, topLevel.get(name));
        }
        return out;
    }
}
