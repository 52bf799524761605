package dev.grove.loader.config;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import dev.grove.loader.plugins.ComponentCatalog;
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
 *
 * <p>Besides plain values ({@link ValueConverter}), a param may be a component ({@link OfKind}: a
 * layer, an optimizer, or a list of them), whose own params are bound the same way before its
 * factory creates what the param receives; or a nested record (or list of records), bound from a
 * mapping with that record's own defaults and validation. Problems inside keep their positions.
 */
public final class ParamsBinder {

    private final ComponentCatalog catalog;
    private final ComponentEntries entries;
    private final List<ConfigProblem> problems;

    /** A binder that finds component-valued params in {@code catalog} and records problems in {@code problems}. */
    ParamsBinder(ComponentCatalog catalog, List<ConfigProblem> problems) {
        this.catalog = catalog;
        this.entries = new ComponentEntries(catalog, problems);
        this.problems = problems;
    }

    /** A bound value and its resolved form (plain maps, lists and scalars, as config.yaml and model.yaml hold it). */
    private record Bound(Object value, Object resolved) {
    }

    /**
     * Binds params given as plain values (numbers, booleans, strings, lists, maps, null), such as the
     * resolved params read back from a saved model; a component-valued param is a map
     * {@code {name: {params}}} as the resolved form writes it.
     *
     * @param catalog where component-valued params find their components
     * @param source  names the values' origin in problems (a file, a command)
     * @throws ConfigException listing every problem, each with {@code source} and no position
     */
    public static Record bindMap(ComponentCatalog catalog, Component<?> component, Map<String, ?> values, String source) {
        List<ConfigProblem> problems = new ArrayList<>();
        Origin origin = Origin.of(source);
        ComponentRef ref = new ParamsBinder(catalog, problems).bind(component, (Mapping) toNode(values, origin), origin,
                component.name() + " params", List.of());
        if (ref == null) {
            throw new ConfigException(problems);
        }
        return ref.params();
    }

    /**
     * Binds the params of a parsed component entry ({@link ComponentEntries#parse}) to {@code component},
     * which it names. A list given as the params is the shorthand for the component's one list of
     * components: {@code sequential: [dense, relu]} is {@code sequential: {layers: [dense, relu]}}.
     *
     * @return the bound component, or null if problems were recorded
     */
    ComponentRef bindEntry(ComponentEntries.Parsed entry, Component<?> component) {
        Mapping params;
        if (entry.params() instanceof Sequence list) {
            String key = shorthandKey(component.paramsType());
            if (key == null) {
                problems.add(list.origin().problem("the params of " + component.name() + " must be a mapping such as"
                        + " {key: value}, got a list; only a component whose params hold a single list of components"
                        + " takes that list directly"));
                return null;
            }
            params = new Mapping(list.origin());
            params.put(new Scalar(key, ScalarType.STRING, list.origin()), list);
        } else {
            params = (Mapping) entry.params();
        }
        return bind(component, params, entry.name().origin(), component.name() + " params", List.of());
    }

    /**
     * Binds {@code params} (null for none given) to {@code component}.
     *
     * @param at        where the component is named: missing params and constructor failures are reported here
     * @param where     how messages name the params ("logistic-regression params"; empty for a
     *                  section of the experiment itself, whose keys are then named alone)
     * @param extraKeys keys of the same mapping that are not params but valid (offered in suggestions)
     * @return the bound component, or null if problems were recorded
     */
    @SuppressWarnings("unchecked")
    ComponentRef bind(Component<?> component, Mapping params, Origin at, String where, List<String> extraKeys) {
        Bound bound = bindRecord(component.paramsType(), component.name(), params, at, where, extraKeys);
        return bound == null ? null
                : new ComponentRef(component, (Record) bound.value(), (Map<String, Object>) bound.resolved());
    }

    /**
     * The key of the one param of {@code type} that is a list of components, or null when there is
     * not exactly one.
     */
    private static String shorthandKey(Class<? extends Record> type) {
        String key = null;
        for (RecordComponent rc : type.getRecordComponents()) {
            if (ParamType.of(rc) instanceof ParamType.Components c && c.list()) {
                if (key != null) {
                    return null;
                }
                key = Params.kebab(rc.getName());
            }
        }
        return key;
    }

    /** Binds {@code params} to a record of {@code type}; {@code owner} is the component it belongs to. */
    private Bound bindRecord(Class<? extends Record> type, String owner, Mapping params, Origin at, String where,
                             List<String> extraKeys) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent rc : components) {
            byKey.put(Params.kebab(rc.getName()), rc);
        }
        int before = problems.size();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> resolvedByKey = new LinkedHashMap<>();
        for (Entry entry : params == null ? List.<Entry>of() : params.entries()) {
            String key = entry.key().text();
            RecordComponent rc = byKey.get(key);
            if (rc == null) {
                problems.add(entry.key().origin().problem(unknownKey(key, owner, where, byKey, extraKeys)));
                continue;
            }
            Bound bound = convert(entry.value(), rc, key, where, at, owner);
            if (bound != null && checkConstraints(rc, key, bound.value(), entry.value(), null, where)) {
                values.put(key, bound.value());
                resolvedByKey.put(key, bound.resolved());
            }
        }
        for (Map.Entry<String, RecordComponent> e : byKey.entrySet()) {
            String key = e.getKey();
            if (params != null && params.entry(key) != null) {
                continue;
            }
            Bound bound = defaultValue(e.getValue(), key, owner, where, at);
            if (bound != null && checkConstraints(e.getValue(), key, bound.value(), null, at, where)) {
                values.put(key, bound.value());
                resolvedByKey.put(key, bound.resolved());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        Record record = construct(type, owner, components, values, at, where);
        // Given keys in file order, then the defaults in record order.
        return record == null ? null : new Bound(record, Collections.unmodifiableMap(resolvedByKey));
    }

    /** " in WHERE", or nothing for a section of the experiment itself. */
    private static String in(String where) {
        return where.isEmpty() ? "" : " in " + where;
    }

    private static String unknownKey(String key, String owner, String where, Map<String, RecordComponent> byKey,
                                     List<String> extraKeys) {
        List<String> valid = new ArrayList<>(extraKeys);
        valid.addAll(byKey.keySet());
        String message = "unknown key '" + key + "'" + in(where) + NearestNames.suggest(key, valid);
        if (byKey.isEmpty() && extraKeys.isEmpty()) {
            return NearestNames.then(message, owner + " takes no params");
        }
        return NearestNames.then(message, "valid keys: " + String.join(", ", valid));
    }

    /** The value of {@code node} for the param {@code rc}; null (with problems recorded) if it does not fit. */
    private Bound convert(ConfigNode node, RecordComponent rc, String key, String where, Origin at, String owner) {
        ParamType type = ParamType.of(rc);
        String what = key + in(where);
        if (type == null) {
            problems.add(at.problem("param '" + key + "' of " + owner + " has type " + rc.getGenericType().getTypeName()
                    + ", which experiment files cannot express (a bug in its plugin)"));
            return null;
        }
        if (type instanceof ParamType.Components c) {
            if (isNull(node)) {
                return nullValue(node, c.nullable(), c.label(), what);
            }
            return c.list() ? componentList(node, c, what) : component(node, c, what);
        }
        if (type instanceof ParamType.Nested n) {
            if (isNull(node)) {
                return nullValue(node, n.nullable(), n.label(), what);
            }
            return n.list() ? recordList(node, n, what, owner) : record(node, n, what, owner);
        }
        Object value = ValueConverter.convert(node, ((ParamType.Plain) type).type(), what, problems);
        return value == ValueConverter.INVALID ? null : new Bound(value, ValueConverter.plain(value));
    }

    private static boolean isNull(ConfigNode node) {
        return node instanceof Scalar s && s.isNull();
    }

    private Bound nullValue(ConfigNode node, boolean nullable, String expected, String what) {
        if (nullable) {
            return new Bound(null, null);
        }
        problems.add(node.origin().problem("wrong type for " + what + ": expected " + expected + ", got null"));
        return null;
    }

    /** One component entry: found with the param's kind, its params bound, created and checked. */
    private Bound component(ConfigNode node, ParamType.Components type, String what) {
        ComponentEntries.Parsed parsed = entries.parse(node, what);
        if (parsed == null) {
            return null;
        }
        Kind kind = type.kind();
        Component<?> found = entries.find(parsed.name(), kind,
                what + " must be " + ComponentEntries.article(kind) + " component");
        if (found == null) {
            return null;
        }
        // A component of another kind was reported by find; its params are still checked.
        ComponentRef ref = bindEntry(parsed, found);
        if (ref == null || found.kind() != kind) {
            return null;
        }
        Origin named = parsed.name().origin();
        Object product;
        try {
            product = ref.create();
        } catch (IllegalArgumentException e) {
            problems.add(named.problem("cannot create " + found.name() + " for " + what + ": " + e.getMessage()));
            return null;
        } catch (RuntimeException e) {
            problems.add(named.problem("the " + found.name() + " component failed to create for " + what + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + " (a bug in its plugin)"));
            return null;
        }
        if (!type.product().isInstance(product)) {
            problems.add(named.problem(ComponentEntries.article(kind) + " '" + found.name() + "' cannot be used for " + what
                    + ": it makes " + (product == null ? "nothing (null)" : "a " + product.getClass().getName())
                    + ", not a " + type.product().getName() + " (its plugin and the one that declares " + what
                    + " do not fit together)"));
            return null;
        }
        return new Bound(product, Collections.singletonMap(found.name(), ref.resolved()));
    }

    private Bound componentList(ConfigNode node, ParamType.Components type, String what) {
        if (!(node instanceof Sequence sequence)) {
            problems.add(node.origin().problem("wrong type for " + what + ": expected " + type.label() + ", got "
                    + node.describe() + " (write [" + describeItem(node) + "] for a list of one)"));
            return null;
        }
        List<Object> values = new ArrayList<>();
        List<Object> resolved = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            ConfigNode item = sequence.items().get(i);
            String element = "element " + (i + 1) + " of " + what;
            Bound bound = isNull(item) ? nullValue(item, false, ComponentEntries.label(type.kind()) + " component", element)
                    : component(item, type, element);
            valid &= bound != null;
            if (bound != null) {
                values.add(bound.value());
                resolved.add(bound.resolved());
            }
        }
        return valid ? new Bound(Collections.unmodifiableList(values), Collections.unmodifiableList(resolved)) : null;
    }

    private static String describeItem(ConfigNode node) {
        return node instanceof Scalar s ? s.text() : "...";
    }

    /** A nested record bound from a mapping; {@code what} names it ("early-stopping in train"). */
    private Bound record(ConfigNode node, ParamType.Nested type, String what, String owner) {
        if (!(node instanceof Mapping mapping)) {
            problems.add(node.origin().problem("wrong type for " + what + ": expected a mapping of its keys ("
                    + String.join(", ", keys(type.record())) + "), got " + node.describe()));
            return null;
        }
        return bindRecord(type.record(), owner, mapping, mapping.origin(), what, List.of());
    }

    private Bound recordList(ConfigNode node, ParamType.Nested type, String what, String owner) {
        if (!(node instanceof Sequence sequence)) {
            problems.add(node.origin().problem("wrong type for " + what + ": expected " + type.label() + ", got "
                    + node.describe()));
            return null;
        }
        List<Object> values = new ArrayList<>();
        List<Object> resolved = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < sequence.items().size(); i++) {
            ConfigNode item = sequence.items().get(i);
            String element = "element " + (i + 1) + " of " + what;
            Bound bound = isNull(item) ? nullValue(item, false, "mapping", element) : record(item, type, element, owner);
            valid &= bound != null;
            if (bound != null) {
                values.add(bound.value());
                resolved.add(bound.resolved());
            }
        }
        return valid ? new Bound(Collections.unmodifiableList(values), Collections.unmodifiableList(resolved)) : null;
    }

    private static List<String> keys(Class<? extends Record> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            keys.add(Params.kebab(rc.getName()));
        }
        return keys;
    }

    private Bound defaultValue(RecordComponent rc, String key, String owner, String where, Origin at) {
        Default declared = rc.getAnnotation(Default.class);
        if (declared == null) {
            problems.add(at.problem("missing required param '" + key + "'" + in(where) + " (" + typeLabel(rc)
                    + describeDoc(rc) + ")"));
            return null;
        }
        List<ConfigProblem> own = new ArrayList<>();
        Origin origin = Origin.of("@Default(\"" + declared.value() + "\") of " + key);
        ConfigNode node = SafeYamlReader.read(declared.value(), origin.source(), false, own);
        Bound value = own.isEmpty()
                ? new ParamsBinder(catalog, own).convert(node == null ? new Scalar("", ScalarType.NULL, origin) : node, rc,
                        key, where, at, owner)
                : null;
        if (!own.isEmpty()) {
            problems.add(at.problem(owner + " declares an invalid default for " + key + in(where) + ": "
                    + own.get(0).message() + " (a bug in its plugin)"));
            return null;
        }
        return value;
    }

    private static String typeLabel(RecordComponent rc) {
        ParamType type = ParamType.of(rc);
        return type == null ? rc.getGenericType().getTypeName() : type.label();
    }

    private static String describeDoc(RecordComponent rc) {
        Doc doc = rc.getAnnotation(Doc.class);
        return doc == null ? "" : ": " + doc.value();
    }

    /**
     * Checks min, max and one-of per value (per element for lists); false if one failed. A given
     * value is reported where it is written, a default (no node) at the component.
     */
    private boolean checkConstraints(RecordComponent rc, String key, Object value, ConfigNode node, Origin defaultAt,
                                     String where) {
        if (!(ParamType.of(rc) instanceof ParamType.Plain)) {
            return true;
        }
        Object plain = ValueConverter.plain(value);
        if (plain instanceof List<?> list) {
            boolean valid = true;
            for (int i = 0; i < list.size(); i++) {
                ConfigNode element = node instanceof Sequence s ? s.items().get(i) : node;
                valid &= checkOne(rc, "element " + (i + 1) + " of " + key, list.get(i), element, defaultAt, where);
            }
            return valid;
        }
        return checkOne(rc, key, plain, node, defaultAt, where);
    }

    private boolean checkOne(RecordComponent rc, String name, Object value, ConfigNode node, Origin defaultAt, String where) {
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
            String message = (where.isEmpty() ? "" : where + ": ") + e.getMessage();
            problems.add(node != null ? node.origin().problem(message)
                    : defaultAt.problem(message + "; this is the declared default (a bug in its plugin)"));
            return false;
        }
    }

    private Record construct(Class<? extends Record> type, String owner, RecordComponent[] components,
                             Map<String, Object> values, Origin at, String where) {
        String label = where.isEmpty() ? owner + " params" : where;
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = values.get(Params.kebab(components[i].getName()));
        }
        try {
            Record record = type.getDeclaredConstructor(types).newInstance(args);
            return Params.validate(record);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(at.problem(cause instanceof IllegalArgumentException
                    ? "invalid " + label + ": " + cause.getMessage()
                    : "the " + label + " could not be built: " + cause.getClass().getSimpleName() + ": " + cause.getMessage()));
        } catch (IllegalArgumentException e) {
            problems.add(at.problem("invalid " + label + ": " + e.getMessage()));
        } catch (IllegalStateException e) {
            // Params.validate could not read the record: its package is not exported to dev.grove.api.
            problems.add(at.problem("cannot check the " + label + " (" + type.getName() + "): "
                    + e.getMessage() + "; its plugin must export the record's package"));
        } catch (ReflectiveOperationException e) {
            problems.add(at.problem("cannot create the " + label + " (" + type.getName()
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
