package dev.grove.loader.config;

import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import java.util.List;

/**
 * A mapping of the experiment's own structure (the top level, {@code data.split},
 * {@code evaluate.cv}, …) with a fixed set of keys: unknown keys are reported on creation, values
 * are read with the strict {@link ValueConverter}.
 */
final class Section {

    private final Mapping mapping;
    private final String path;
    private final List<ConfigProblem> problems;

    private Section(Mapping mapping, String path, List<ConfigProblem> problems) {
        this.mapping = mapping;
        this.path = path;
        this.problems = problems;
    }

    /**
     * The section, after reporting each key not in {@code keys}.
     *
     * @param path  the dotted path of the section ("evaluate.cv"), empty for the top level
     */
    static Section of(Mapping mapping, String path, List<String> keys, List<ConfigProblem> problems) {
        for (Entry e : mapping.entries()) {
            String key = e.key().text();
            if (!keys.contains(key)) {
                String message = "unknown key '" + key + "' " + (path.isEmpty() ? "at the top level" : "in " + path)
                        + NearestNames.suggest(key, keys);
                problems.add(e.key().origin().problem(NearestNames.then(message, "valid keys: " + String.join(", ", keys))));
            }
        }
        return new Section(mapping, path, problems);
    }

    /**
     * The value of {@code node} as a mapping: an absent node or YAML null is an empty mapping;
     * anything else is reported and gives null.
     */
    static Mapping mapping(ConfigNode node, Origin whereAbsent, String path, String expected, List<ConfigProblem> problems) {
        if (node == null || node instanceof Scalar s && s.isNull()) {
            return new Mapping(node == null ? whereAbsent : node.origin());
        }
        if (node instanceof Mapping m) {
            return m;
        }
        problems.add(node.origin().problem("wrong type for " + path + ": expected " + expected + ", got " + node.describe()));
        return null;
    }

    /** The node of {@code key}, or null when absent. */
    ConfigNode get(String key) {
        return mapping.get(key);
    }

    /** The mapping's position. */
    Origin origin() {
        return mapping.origin();
    }

    /** The dotted path of {@code key} in this section ("evaluate.cv.folds"). */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * The value of {@code key} as {@code type}; {@code fallback} when the key is absent or null, or
     * when its value has the wrong type (which is reported).
     */
    <T> T read(String key, Class<T> type, T fallback) {
        ConfigNode node = mapping.get(key);
        if (node == null) {
            return fallback;
        }
        Object value = ValueConverter.convert(node, type, path(key), problems);
        return value == null || value == ValueConverter.INVALID ? fallback : type.cast(value);
    }
}
