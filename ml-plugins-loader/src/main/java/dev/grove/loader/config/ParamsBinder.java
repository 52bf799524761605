package dev.grove.loader.config;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a YAML mapping to a component's params record through {@link Class#getRecordComponents()}:
 * the component {@code maxIter} is the key {@code max-iter} ({@link Params#kebab}). Absent keys take
 * their {@link Default} (YAML text, converted like file values); keys without a default are required.
 * {@link Min}, {@link Max} and {@link OneOf} are checked per value so a violation is reported where
 * the value is written; then the canonical constructor runs (its {@link IllegalArgumentException}
 * is reported at the component) and finally {@link Params#validate}. Every problem is collected;
 * nothing stops at the first.
 */
public final class ParamsBinder {

    private ParamsBinder() {
    }

    /**
     * Binds params given as plain values (numbers, booleans, strings, lists, null), such as the
     * resolved params read back from a saved model.
     *
     * @param source names the values' origin in problems (a file, a command)
     * @throws ConfigException listing every problem, each with {@code source} and no position
     */
    public static Record bindMap(Component<?> component, Map<String, ?> values, String source) {
        List<ConfigProblem> problems = new ArrayList<>();
        Origin origin = Origin.of(source);
        ComponentRef ref = bind(component, (Mapping) toNode(values, origin), origin, component.name() + " params",
                List.of(), problems);
        if (ref == null) {
            throw new ConfigException(problems);
        }
        return ref.params();
    }

    /**
     * Binds {@code params} (null for none given) to {@code component}.
     *
     * @param at        where the component is named: missing params and constructor failures are reported here
     * @param where     how messages name the params ("logistic-regression params")
     * @param extraKeys keys of the same mapping that are not params but valid (offered in suggestions)
     * @return the bound component, or null if problems were recorded
     */
    static ComponentRef bind(Component<?> component, Mapping params, Origin at, String where, List<String> extraKeys,
                             List<ConfigProblem> problems) {
        RecordComponent[] components = component.paramsType().getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent rc : components) {
            byKey.put(Params.kebab(rc.getName()), rc);
        }
        int before = problems.size();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Entry entry : params == null ? List.<Entry>of() : params.entries()) {
            String key = entry.key().text();
            RecordComponent rc = byKey.get(key);
            if (rc == null) {
                problems.add(entry.key().origin().problem(unknownKey(key, component, where, byKey, extraKeys)));
                continue;
            }
            Object value = convert(entry.value(), rc, key + " in " + where, at, component, problems);
            if (value != ValueConverter.INVALID && checkConstraints(rc, key, value, entry.value(), null, where, problems)) {
                values.put(key, value);
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        values.forEach((k, v) -> resolved.put(k, ValueConverter.plain(v)));
        for (Map.Entry<String, RecordComponent> e : byKey.entrySet()) {
            String key = e.getKey();
            if (params != null && params.entry(key) != null) {
                continue;
            }
            Object value = defaultValue(e.getValue(), key, component, where, at, problems);
            if (value != ValueConverter.INVALID && checkConstraints(e.getValue(), key, value, null, at, where, problems)) {
                values.put(key, value);
                resolved.put(key, ValueConverter.plain(value));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Record record = construct(component, components, values, at, where, problems);
        return record == null ? null : new ComponentRef(component, record, Collections.unmodifiableMap(resolved));
    }

    private static String unknownKey(String key, Component<?> component, String where, Map<String, RecordComponent> byKey,
                                     List<String> extraKeys) {
        List<String> valid = new ArrayList<>(extraKeys);
        valid.addAll(byKey.keySet());
        String message = "unknown key '" + key + "' in " + where + NearestNames.suggest(key, valid);
        if (byKey.isEmpty() && extraKeys.isEmpty()) {
            return NearestNames.then(message, component.name() + " takes no params");
        }
        return NearestNames.then(message, "valid keys: " + String.join(", ", valid));
    }

    private static Object convert(ConfigNode node, RecordComponent rc, String what, Origin at, Component<?> component,
                                  List<ConfigProblem> problems) {
        if (!ValueConverter.supports(rc.getGenericType())) {
            problems.add(at.problem("param '" + Params.kebab(rc.getName()) + "' of " + component.name() + " has type "
                    + rc.getGenericType().getTypeName() + ", which experiment files cannot express (a bug in its plugin)"));
            return ValueConverter.INVALID;
        }
        return ValueConverter.convert(node, rc.getGenericType(), what, problems);
    }

    private static Object defaultValue(RecordComponent rc, String key, Component<?> component, String where, Origin at,
                                       List<ConfigProblem> problems) {
        Default declared = rc.getAnnotation(Default.class);
        if (declared == null) {
            problems.add(at.problem("missing required param '" + key + "' in " + where + " ("
                    + ValueConverter.typeName(rc.getGenericType()) + describeDoc(rc) + ")"));
            return ValueConverter.INVALID;
        }
        List<ConfigProblem> own = new ArrayList<>();
        Origin origin = Origin.of("@Default(\"" + declared.value() + "\") of " + key);
        ConfigNode node = SafeYamlReader.read(declared.value(), origin.source(), false, own);
        Object value = own.isEmpty()
                ? convert(node == null ? new Scalar("", ScalarType.NULL, origin) : node, rc, key, at, component, own)
                : ValueConverter.INVALID;
        if (!own.isEmpty()) {
            problems.add(at.problem(component.name() + " declares an invalid default for " + key + " in " + where + ": "
                    + own.get(0).message() + " (a bug in its plugin)"));
        }
        return value;
    }

    private static String describeDoc(RecordComponent rc) {
        Doc doc = rc.getAnnotation(Doc.class);
        return doc == null ? "" : ": " + doc.value();
    }

    /**
     * Checks min, max and one-of per value (per element for lists); false if one failed. A given
     * value is reported where it is written, a default (no node) at the component.
     */
    private static boolean checkConstraints(RecordComponent rc, String key, Object value, ConfigNode node, Origin defaultAt,
                                            String where, List<ConfigProblem> problems) {
        Object plain = ValueConverter.plain(value);
        if (plain instanceof List<?> list) {
            boolean valid = true;
            for (int i = 0; i < list.size(); i++) {
                ConfigNode element = node instanceof Sequence s ? s.items().get(i) : node;
                valid &= checkOne(rc, "element " + (i + 1) + " of " + key, list.get(i), element, defaultAt, where, problems);
            }
            return valid;
        }
        return checkOne(rc, key, plain, node, defaultAt, where, problems);
    }

    private static boolean checkOne(RecordComponent rc, String name, Object value, ConfigNode node, Origin defaultAt,
                                    String where, List<ConfigProblem> problems) {
        try {
            if (value instanceof Number n) {
                Min min = rc.getAnnotation(Min.class);
                if (min != null) {
                    Params.atLeast(name, n.doubleValue(), min.value(), min.exclusive());
                }
                Max max = rc.getAnnotation(Max.class);
                if (max != null) {
                    Params.atMost(name, n.doubleValue(), max.value(), max.exclusive());
                }
            }
            OneOf oneOf = rc.getAnnotation(OneOf.class);
            if (oneOf != null && value instanceof String s) {
                try {
                    Params.oneOf(name, s, oneOf.value());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(e.getMessage() + NearestNames.suggest(s, Arrays.asList(oneOf.value())), e);
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            String message = where + ": " + e.getMessage();
            problems.add(node != null ? node.origin().problem(message)
                    : defaultAt.problem(message + "; this is the declared default (a bug in its plugin)"));
            return false;
        }
    }

    private static Record construct(Component<?> component, RecordComponent[] components, Map<String, Object> values,
                                    Origin at, String where, List<ConfigProblem> problems) {
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = values.get(Params.kebab(components[i].getName()));
        }
        try {
            Record record = component.paramsType().getDeclaredConstructor(types).newInstance(args);
            return Params.validate(record);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(at.problem(cause instanceof IllegalArgumentException
                    ? "invalid " + where + ": " + cause.getMessage()
                    : "the " + where + " could not be built: " + cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        } catch (IllegalArgumentException e) {
            problems.add(at.problem("invalid " + where + ": " + e.getMessage()));
        } catch (IllegalStateException e) {
            // Params.validate could not read the record: its package is not exported to dev.grove.api.
            problems.add(at.problem("cannot check the " + where + " (" + component.paramsType().getName() + "): "
                    + e.getMessage() + "; its plugin must export the record's package"));
        } catch (ReflectiveOperationException e) {
            problems.add(at.problem("cannot create the " + where + " (" + component.paramsType().getName()
                    + "): " + e.getMessage() + "; its plugin must export the record's package"));
        }
        return null;
    }

    private static ConfigNode toNode(Object value, Origin origin) {
        if (value == null) {
            return new Scalar("", ScalarType.NULL, origin);
        } else if (value instanceof Boolean b) {
            return new Scalar(b.toString(), ScalarType.BOOLEAN, origin);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return new Scalar(value.toString(), ScalarType.INT, origin);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            String text = Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf") : Double.toString(d);
            return new Scalar(text, ScalarType.FLOAT, origin);
        } else if (value instanceof String s) {
            return new Scalar(s, ScalarType.STRING, origin);
        } else if (value instanceof List<?> list) {
            Sequence sequence = new Sequence(origin);
            list.forEach(item -> sequence.items().add(toNode(item, origin)));
            return sequence;
        } else if (value instanceof Map<?, ?> map) {
            Mapping mapping = new Mapping(origin);
            map.forEach((k, v) -> mapping.put(new Scalar(String.valueOf(k), ScalarType.STRING, origin), toNode(v, origin)));
            return mapping;
        }
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " (" + value
                + "); params values are numbers, booleans, strings, lists and mappings");
    }
}
