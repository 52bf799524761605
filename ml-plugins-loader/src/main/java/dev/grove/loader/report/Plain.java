package dev.grove.loader.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the plain values (maps, lists, numbers, strings) that JSON and YAML parsers return. */
final class Plain {

    private Plain() {
    }

    /** {@code m} with its keys as strings. */
    static Map<String, Object> map(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** A list of numbers as doubles (null entries as NaN), or null when {@code value} is not such a list. */
    static double[] doubles(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (v == null) {
                out[i] = Double.NaN;
            } else if (v instanceof Number n) {
                out[i] = n.doubleValue();
            } else {
                return null;
            }
        }
        return out;
    }

    /** A list of lists of numbers as a matrix, or null when {@code value} is not one (rows of equal length). */
    static double[][] matrix(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        double[][] out = new double[list.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(list.get(i));
            if (out[i] == null || out[i].length != out[0].length) {
                return null;
            }
        }
        return out;
    }

    /** A list of numbers as ints, or null when {@code value} is not such a list. */
    static int[] ints(Object value) {
        double[] d = doubles(value);
        if (d == null) {
            return null;
        }
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (int) d[i];
        }
        return out;
    }

    /** A list of values as strings, or null when {@code value} is not a list. */
    static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** A number as a double, NaN when {@code value} is not a number. */
    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
