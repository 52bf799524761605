package dev.grove.loader.run;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes the small JSON documents a run produces (numbers, strings, arrays, nested objects). */
final class JsonWriter {

    private JsonWriter() {
    }

    /** Pretty-prints a map as a JSON object, one top-level key per line. */
    static String object(Map<String, ?> map) {
        StringBuilder sb = new StringBuilder("{\n");
        Iterator<? extends Map.Entry<String, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            sb.append("  ");
            string(sb, e.getKey());
            sb.append(": ");
            value(sb, e.getValue());
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Double d) {
            number(sb, d);
        } else if (v instanceof Float f) {
            number(sb, f.doubleValue());
        } else if (v instanceof Number n) {
            sb.append(n);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                number(sb, a[i]);
            }
            sb.append(']');
        } else if (v instanceof double[][] m) {
            sb.append('[');
            for (int i = 0; i < m.length; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                value(sb, m[i]);
            }
            sb.append(']');
        } else if (v instanceof int[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(a[i]);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                value(sb, e.getValue());
                sb.append(it.hasNext() ? ", " : "");
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                value(sb, list.get(i));
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    /** JSON has no NaN or infinity: they are written as null. */
    private static void number(StringBuilder sb, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            sb.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            sb.append((long) d).append(".0");
        } else {
            sb.append(d);
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
