package dev.grove.loader.modelio;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Params as model.yaml can hold them: maps with string keys, lists, strings, booleans, integers,
 * floating-point numbers and null, nothing else. Copying through here both checks a value and
 * gives every collection its own unmodifiable instance, so SnakeYAML never emits anchors for
 * shared objects and a saved model cannot change behind the caller's back.
 */
final class PlainValues {

    /**
     * Most maps and lists nested inside the map given to {@link #copyMap}: deep enough for a
     * network's params (blocks of layers inside a graph's nodes), within the YAML reader's nesting
     * limit, and it stops at self-referencing collections.
     */
    static final int MAX_DEPTH = 16;
    /** Longest text quoted from a file in an error message. */
    static final int SHOWN_CHARS = 200;

    private PlainValues() {
    }

    /**
     * A deep, unmodifiable copy of the map {@code value}.
     *
     * @param where names the value in messages, e.g. {@code params}
     * @throws IllegalArgumentException if it is not a map with string keys holding plain values
     */
    static Map<String, Object> copyMap(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " must be a map, found " + describe(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copy(value, where, 0);
        return copy;
    }

    private static Object copy(Object value, String where, int depth) {
        if (depth > MAX_DEPTH && (value instanceof Map<?, ?> || value instanceof List<?>)) {
            throw new IllegalArgumentException(where + " is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value == null || value instanceof String || value instanceof Boolean || isPlainNumber(value)) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(where + " has the key " + describe(e.getKey()) + "; keys must be strings");
                }
                out.put(key, copy(e.getValue(), where + "." + key, depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(list.get(i), where + "[" + i + "]", depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(where + " is " + describe(value)
                + "; model.yaml holds only strings, numbers, booleans, null, lists and maps");
    }

    private static boolean isPlainNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Float
                || value instanceof Short || value instanceof Byte || value instanceof BigInteger;
    }

    /** A short description of a value for error messages: "a list", "the string 'x'", "the number 3". */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "the string '" + abbreviate(s) + "'";
        }
        if (value instanceof Boolean || isPlainNumber(value)) {
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "a value of type " + value.getClass().getName();
    }

    /**
     * {@code text} cut to about {@value #SHOWN_CHARS} characters for an error message, so a hostile file
     * cannot make a message as large as itself.
     */
    static String abbreviate(String text) {
        if (text.length() <= SHOWN_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(SHOWN_CHARS - 1)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
        return text.substring(0, end) + "... (" + text.length() + " characters)";
    }
}
