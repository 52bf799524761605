package dev.grove.loader.config;

import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts YAML nodes to the Java types params records use: int, long, double, float, boolean and
 * String (primitive or boxed; boxed types and String also take YAML null), {@code List} of the boxed
 * ones, and arrays of the primitive ones. Conversion is strict: an int is accepted where a number is
 * expected but not the other way round, only {@code true}/{@code false} are booleans, and a number
 * is not silently taken as text. The one leniency: a single string or int given for a list of
 * strings or ints is a list of one.
 */
final class ValueConverter {

    /** Returned by {@link #convert} when the node does not fit; the problem has been recorded. */
    static final Object INVALID = new Object();

    private enum Basic {
        INT("int"), LONG("int"), DOUBLE("number"), FLOAT("number"), BOOLEAN("boolean"), STRING("string");

        final String label;

        Basic(String label) {
            this.label = label;
        }

        static Basic of(Class<?> c) {
            if (c == int.class || c == Integer.class) {
                return INT;
            } else if (c == long.class || c == Long.class) {
                return LONG;
            } else if (c == double.class || c == Double.class) {
                return DOUBLE;
            } else if (c == float.class || c == Float.class) {
                return FLOAT;
            } else if (c == boolean.class || c == Boolean.class) {
                return BOOLEAN;
            } else if (c == String.class) {
                return STRING;
            }
            return null;
        }
    }

    /** The shape of a supported type: one value, a {@code List}, or an array (of {@code arrayType}). */
    private record Shape(Basic basic, boolean nullable, boolean list, Class<?> arrayType) {

        boolean many() {
            return list || arrayType != null;
        }

        String label() {
            return many() ? "list of " + basic.label : basic.label;
        }

        /**
         * Whether a single value stands for a list of one: for lists of names and counts
         * ({@code freeze: 3}, {@code freeze: conv2d-1}), where it reads naturally; lists of numbers
         * and arrays stay strict, so {@code dropouts: 0.5} is not silently a list.
         */
        boolean takesOneAsList() {
            return list && (basic == Basic.STRING || basic == Basic.INT || basic == Basic.LONG);
        }
    }

    private ValueConverter() {
    }

    /** Whether params of this type can be bound. */
    static boolean supports(Type type) {
        return shape(type) != null;
    }

    /** The type as messages and {@code grove describe} name it: int, number, boolean, string, list of int, … */
    static String typeName(Type type) {
        Shape shape = shape(type);
        return shape == null ? type.getTypeName() : shape.label();
    }

    /**
     * The value of {@code node} as {@code type}; on a mismatch records "wrong type for WHAT: expected …,
     * got …" at the node and returns {@link #INVALID}.
     */
    static Object convert(ConfigNode node, Type type, String what, List<ConfigProblem> problems) {
        Shape shape = shape(type);
        if (shape == null) {
            throw new IllegalArgumentException("unsupported param type " + type.getTypeName() + " for " + what);
        }
        if (!shape.many()) {
            return scalar(node, shape.basic(), shape.nullable(), what, problems);
        }
        if (node instanceof Scalar s && s.isNull()) {
            return null;
        }
        if (node instanceof Scalar s && shape.takesOneAsList()) {
            Object one = scalar(s, shape.basic(), false, what, problems);
            return one == INVALID ? INVALID : List.of(one);
        }
        if (!(node instanceof Sequence sequence)) {
            String hint = node instanceof Scalar ? " (write [" + ((Scalar) node).text() + "] for a list of one)" : "";
            problems.add(node.origin().problem("wrong type for " + what + ": expected " + shape.label() + ", got "
                    + node.describe() + hint));
            return INVALID;
        }
        List<Object> values = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            Object v = scalar(sequence.items().get(i), shape.basic(), false, "element " + (i + 1) + " of " + what, problems);
            valid &= v != INVALID;
            values.add(v);
        }
        if (!valid) {
            return INVALID;
        }
        if (shape.list()) {
            return List.copyOf(values);
        }
        Object array = Array.newInstance(shape.arrayType(), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    /** The value as it appears in a resolved configuration: arrays become lists, the rest is unchanged. */
    static Object plain(Object value) {
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return List.copyOf(list);
        }
        return value;
    }

    private static Object scalar(ConfigNode node, Basic basic, boolean nullable, String what, List<ConfigProblem> problems) {
        if (node instanceof Scalar s) {
            if (s.isNull() && nullable) {
                return null;
            }
            ScalarType t = s.type();
            switch (basic) {
                case INT, LONG -> {
                    if (t == ScalarType.INT) {
                        BigInteger v = new BigInteger(s.text());
                        if (v.bitLength() <= (basic == Basic.INT ? 31 : 63)) {
                            return basic == Basic.INT ? (Object) v.intValue() : (Object) v.longValue();
                        }
                        return fail(s, what, basic.label + " within " + (basic == Basic.INT ? "±2^31" : "±2^63"), "", problems);
                    }
                }
                case DOUBLE, FLOAT -> {
                    if (t == ScalarType.INT || t == ScalarType.FLOAT) {
                        double d = number(s.text());
                        if (basic == Basic.DOUBLE) {
                            return d;
                        }
                        if (Double.isFinite(d) && Float.isInfinite((float) d)) {
                            return fail(s, what, "number within the float range", "", problems);
                        }
                        return (float) d;
                    }
                }
                case BOOLEAN -> {
                    if (t == ScalarType.BOOLEAN) {
                        return s.text().equalsIgnoreCase("true");
                    }
                }
                case STRING -> {
                    // A number is taken as written for text params that also take numeric forms
                    // (gamma: 0.1, max-features: 10, max-features: 1.0); true, false and null are not.
                    if (t == ScalarType.STRING || t == ScalarType.INT || t == ScalarType.FLOAT) {
                        return s.text();
                    }
                }
            }
            String hint = basic == Basic.BOOLEAN && t == ScalarType.STRING ? " (write true or false)"
                    : basic == Basic.STRING && !s.isNull() ? " (quote it, '" + s.text() + "', to mean the text)" : "";
            return fail(s, what, basic.label, hint, problems);
        }
        return fail(node, what, basic.label, "", problems);
    }

    private static Object fail(ConfigNode node, String what, String expected, String hint, List<ConfigProblem> problems) {
        problems.add(node.origin().problem("wrong type for " + what + ": expected " + expected + ", got " + node.describe() + hint));
        return INVALID;
    }

    private static double number(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return lower.equals(".nan") ? Double.NaN : Double.parseDouble(text);
    }

    private static Shape shape(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                Class<?> element = c.getComponentType();
                Basic basic = Basic.of(element);
                return basic != null && (element.isPrimitive() || element == String.class)
                        ? new Shape(basic, true, false, element) : null;
            }
            Basic basic = Basic.of(c);
            return basic == null ? null : new Shape(basic, !c.isPrimitive(), false, null);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            Basic basic = Basic.of(element);
            return basic != null && !element.isPrimitive() ? new Shape(basic, true, true, null) : null;
        }
        return null;
    }
}
