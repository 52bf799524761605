package dev.grove.neural.layer;

import java.util.HashMap;
import java.util.Map;

/**
 * Names the children of a container as {@code <kind>-<n>}, numbered per kind from 1 in order
 * ({@code conv2d-1}, {@code max-pool2d-1}, {@code conv2d-2}), as Keras numbers its layers. These
 * names key saved weights, {@code freeze} and {@code init-from}.
 */
final class ChildNames {

    private final Map<String, Integer> counts = new HashMap<>();

    /** The name of the next child of {@code kind}. */
    String next(String kind) {
        return kind + "-" + counts.merge(kind, 1, Integer::sum);
    }
}
