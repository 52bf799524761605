package dev.grove.loader.config;

import dev.grove.api.params.Default;
import dev.grove.api.params.OfKind;
import dev.grove.api.spi.Kind;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

/**
 * What kind of value a params record component takes from an experiment file: a plain value or
 * list of them ({@link ValueConverter}), a component of some kind or a list of them (marked
 * {@link OfKind}), or a nested record or list of records bound from mappings.
 */
sealed interface ParamType {

    /** The type as messages and {@code grove describe} name it ("int", "optimizer component", "mapping"). */
    String label();

    /** Numbers, booleans, strings, lists and arrays of them. */
    record Plain(Type type) implements ParamType {
        @Override
        public String label() {
            return ValueConverter.typeName(type);
        }
    }

    /**
     * A component of {@code kind} whose product must be a {@code product}, or a list of them.
     *
     * @param nullable whether YAML null is accepted (the declared default is null)
     */
    record Components(Kind kind, Class<?> product, boolean list, boolean nullable) implements ParamType {
        @Override
        public String label() {
            String kindLabel = ComponentEntries.label(kind);
            return list ? "list of " + kindLabel + " components" : kindLabel + " component";
        }
    }

    /**
     * A record bound from a mapping with its own defaults and validation, or a list of them.
     *
     * @param nullable whether YAML null is accepted (the declared default is null)
     */
    record Nested(Class<? extends Record> record, boolean list, boolean nullable) implements ParamType {
        @Override
        public String label() {
            return list ? "list of mappings" : "mapping";
        }
    }

    /** The type of {@code rc}, or null when experiment files cannot express it (a bug in its plugin). */
    static ParamType of(RecordComponent rc) {
        Type generic = rc.getGenericType();
        boolean nullable = declaresNullDefault(rc);
        Class<?> element = generic instanceof Class<?> c ? c : listElement(generic);
        boolean list = !(generic instanceof Class<?>);
        OfKind ofKind = rc.getAnnotation(OfKind.class);
        if (ofKind != null) {
            return element == null || element.isPrimitive() ? null : new Components(ofKind.value(), element, list, nullable);
        }
        if (element != null && element.isRecord()) {
            return new Nested(element.asSubclass(Record.class), list, nullable);
        }
        return ValueConverter.supports(generic) ? new Plain(generic) : null;
    }

    /** The element class of {@code List<E>}, or null for any other type. */
    private static Class<?> listElement(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static boolean declaresNullDefault(RecordComponent rc) {
        Default declared = rc.getAnnotation(Default.class);
        return declared != null && declared.value().trim().equals("null");
    }
}
