package dev.grove.loader.modelio;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One map of the loaded model.yaml with typed, checked access to its keys. Every problem is a
 * {@link FormatProblem} that names the key by its dotted path, e.g. "model.yaml: schema.features
 * must be a list of strings, found the number 3".
 */
final class YamlMap {

    private final Map<?, ?> map;
    private final String path;

    private YamlMap(Map<?, ?> map, String path) {
        this.map = map;
        this.path = path;
    }

    /** {@code value} as a map; {@code path} is its dotted path, empty for the document itself. */
    static YamlMap of(Object value, String path) {
        if (!(value instanceof Map<?, ?> m)) {
            throw problem((path.isEmpty() ? "the document" : path) + " must be a map, found " + PlainValues.describe(value));
        }
        for (Object key : m.keySet()) {
            if (!(key instanceof String)) {
                throw problem((path.isEmpty() ? "the document" : path) + " has the key " + PlainValues.describe(key)
                        + "; keys must be strings");
            }
        }
        return new YamlMap(m, path);
    }

    /** A problem in model.yaml. */
    static FormatProblem problem(String message) {
        return new FormatProblem(ModelFileFormat.YAML_ENTRY + ": " + message);
    }

    /** Checks that the keys are exactly {@code keys}: none missing, none unknown. */
    void requireExactly(Set<String> keys) {
        requireKeys(keys, Set.of());
    }

    /** Checks that every key of {@code required} is present and every key is in {@code required} or {@code optional}. */
    void requireKeys(Set<String> required, Set<String> optional) {
        Set<String> known = new TreeSet<>(required);
        known.addAll(optional);
        for (Object key : map.keySet()) {
            if (!known.contains(key)) {
                throw problem("unknown key '" + PlainValues.abbreviate(where((String) key)) + "' (expected " + known + ")");
            }
        }
        for (String key : new TreeSet<>(required)) {
            if (!map.containsKey(key)) {
                throw problem("'" + where(key) + "' is missing");
            }
        }
    }

    /** Whether {@code key} is present. */
    boolean has(String key) {
        return map.containsKey(key);
    }

    /** The raw value of {@code key}, null if absent. */
    Object get(String key) {
        return map.get(key);
    }

    /** The dotted path of {@code key}. */
    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The string value of {@code key}. */
    String string(String key) {
        Object v = map.get(key);
        if (!(v instanceof String s)) {
            throw problem(where(key) + " must be a string, found " + PlainValues.describe(v));
        }
        return s;
    }

    /** The string value of {@code key}, or null. */
    String stringOrNull(String key) {
        return map.get(key) == null ? null : string(key);
    }

    /** The whole-number value of {@code key}, which must fit in 64 bits. */
    long whole(String key) {
        Object v = map.get(key);
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < Long.SIZE) {
            return b.longValue();
        }
        throw problem(where(key) + " must be a whole number that fits in 64 bits, found " + PlainValues.describe(v));
    }

    /** The nested map under {@code key}. */
    YamlMap map(String key) {
        return of(map.get(key), where(key));
    }

    /** The list of strings under {@code key}. */
    List<String> strings(String key) {
        Object v = map.get(key);
        if (!(v instanceof List<?> list)) {
            throw problem(where(key) + " must be a list of strings, found " + PlainValues.describe(v));
        }
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw problem(where(key) + "[" + i + "] must be a string, found " + PlainValues.describe(list.get(i)));
            }
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    /** The list of whole numbers under {@code key}, each of which must fit in an int. */
    List<Integer> ints(String key) {
        Object v = map.get(key);
        if (!(v instanceof List<?> list)) {
            throw problem(where(key) + " must be a list of whole numbers, found " + PlainValues.describe(v));
        }
        List<Integer> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Integer n)) {
                throw problem(where(key) + "[" + i + "] must be a whole number that fits in 32 bits, found "
                        + PlainValues.describe(list.get(i)));
            }
            out.add(n);
        }
        return Collections.unmodifiableList(out);
    }

    /** The map of strings to strings under {@code key}. */
    Map<String, String> stringMap(String key) {
        YamlMap m = map(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (Object k : m.map.keySet()) {
            out.put((String) k, m.string((String) k));
        }
        return Collections.unmodifiableMap(out);
    }
}
