package dev.grove.api.params;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Checks of param values. Canonical constructors of params records call the static helpers
 * ({@link #atLeast}, {@link #oneOf}, …); {@link #validate(Record)} checks a built record against its
 * {@link Min}, {@link Max} and {@link OneOf} annotations, which the runtime also reads for
 * {@code grove describe}.
 */
public final class Params {

    private Params() {
    }

    /** Checks {@code value >= min} (or {@code >} if exclusive), else throws naming the param. */
    public static double atLeast(String name, double value, double min, boolean exclusive) {
        if (Double.isNaN(value) || (exclusive ? value <= min : value < min)) {
            throw new IllegalArgumentException(name + " must be " + (exclusive ? "> " : ">= ") + format(min) + ", got " + format(value));
        }
        return value;
    }

    /** Checks {@code value <= max} (or {@code <} if exclusive). */
    public static double atMost(String name, double value, double max, boolean exclusive) {
        if (Double.isNaN(value) || (exclusive ? value >= max : value > max)) {
            throw new IllegalArgumentException(name + " must be " + (exclusive ? "< " : "<= ") + format(max) + ", got " + format(value));
        }
        return value;
    }

    /** Checks that {@code value} is one of {@code allowed}. */
    public static String oneOf(String name, String value, String... allowed) {
        if (!Arrays.asList(allowed).contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    /** Checks every annotated component of {@code params}; returns it. */
    public static <P extends Record> P validate(P params) {
        for (RecordComponent c : params.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(params);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read param " + c.getName() + " of " + params.getClass().getName(), e);
            }
            String name = kebab(c.getName());
            if (value instanceof Number n) {
                Min min = c.getAnnotation(Min.class);
                if (min != null) {
                    atLeast(name, n.doubleValue(), min.value(), min.exclusive());
                }
                Max max = c.getAnnotation(Max.class);
                if (max != null) {
                    atMost(name, n.doubleValue(), max.value(), max.exclusive());
                }
            }
            OneOf oneOf = c.getAnnotation(OneOf.class);
            if (oneOf != null && value instanceof String s) {
                oneOf(name, s, oneOf.value());
            }
        }
        return params;
    }

    /** {@code maxIter} → {@code max-iter}: how record component names appear in YAML. */
    public static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                sb.append('-').append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
