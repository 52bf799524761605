package dev.grove.loader.config;

import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import dev.grove.loader.config.OverridePath.Index;
import dev.grove.loader.config.OverridePath.Key;
import dev.grove.loader.config.OverridePath.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies command-line overrides ({@code PATH=VALUE}) to the YAML tree before validation, so an
 * override value is checked exactly like a value in the file, and problems name the override.
 *
 * <p>The value is YAML ({@code 0.1} is a number, {@code true} a boolean, {@code [a, b]} a list).
 * Missing mappings on the way are created ({@code evaluate.cv.folds=3} adds cross-validation); a
 * path through a value that is not a mapping or list, or an index past the end, is an error. In a
 * list of components, a key after the index is a param of that component: {@code pipeline[1].c=0.1}
 * and {@code pipeline[1].logistic-regression.c=0.1} both set {@code c} of the second step, turning
 * a bare name into {@code name: {c: 0.1}} if needed. A component-valued param is entered through its
 * name: {@code train.optimizer.adam.lr=0.01} sets {@code lr} of {@code optimizer: {adam: {...}}},
 * also when the file writes just {@code optimizer: adam}, or nothing (the entry is then created).
 */
final class Overrides {

    private Overrides() {
    }

    /** How problems name an override: {@code override 'pipeline[5].c=0.1'}. */
    static String label(String override) {
        return "override '" + override + "'";
    }

    /** Applies the overrides in order; a later one wins over an earlier one. */
    static void apply(Mapping root, List<String> overrides, List<ConfigProblem> problems) {
        for (String override : overrides) {
            apply(root, override, problems);
        }
    }

    private static void apply(Mapping root, String text, List<ConfigProblem> problems) {
        Origin origin = Origin.of(label(text));
        int eq = text.indexOf('=');
        if (eq < 0) {
            problems.add(origin.problem("an override is PATH=VALUE, e.g. seed=7 or pipeline[1].c=0.1; this one has no '='"));
            return;
        }
        OverridePath path;
        try {
            path = OverridePath.parse(text.substring(0, eq).trim());
        } catch (IllegalArgumentException e) {
            problems.add(origin.problem(e.getMessage()));
            return;
        }
        List<ConfigProblem> own = new ArrayList<>();
        ConfigNode value = SafeYamlReader.read(text.substring(eq + 1), origin.source(), false, own);
        if (!own.isEmpty()) {
            problems.addAll(own);
            return;
        }
        set(root, path, value == null ? new Scalar("", ScalarType.NULL, origin) : value, origin, problems);
    }

    private static void set(Mapping root, OverridePath path, ConfigNode value, Origin origin, List<ConfigProblem> problems) {
        List<Segment> segments = path.segments();
        ConfigNode current = root;
        for (int i = 0; i < segments.size() - 1 && current != null; i++) {
            current = step(current, path, i, origin, problems);
        }
        if (current == null) {
            return;
        }
        Segment last = segments.get(segments.size() - 1);
        String parent = segments.size() > 1 ? "'" + path.prefix(segments.size() - 1) + "'" : "the top level";
        if (last instanceof Key key && current instanceof Mapping m) {
            m.put(new Scalar(key.name(), ScalarType.STRING, origin), value);
        } else if (last instanceof Index index && current instanceof Sequence s) {
            if (inRange(s, index, path, segments.size() - 1, origin, problems)) {
                s.items().set(index.index(), value);
            }
        } else {
            problems.add(origin.problem("'" + path + "' does not exist: " + parent + " is " + current.describe()
                    + (last instanceof Index ? ", not a list" : ", not a mapping")));
        }
    }

    /** Moves from {@code current} through segment {@code i}; null (with a problem) when the path breaks. */
    private static ConfigNode step(ConfigNode current, OverridePath path, int i, Origin origin, List<ConfigProblem> problems) {
        Segment segment = path.segments().get(i);
        Segment next = path.segments().get(i + 1);
        String here = i == 0 ? "the top level" : "'" + path.prefix(i) + "'";
        if (segment instanceof Key key) {
            if (!(current instanceof Mapping m)) {
                problems.add(origin.problem("'" + path + "' does not exist: " + here + " is " + current.describe() + ", not a mapping"));
                return null;
            }
            ConfigNode child = m.get(key.name());
            if (child == null || child instanceof Scalar s && s.isNull()) {
                if (next instanceof Index) {
                    problems.add(origin.problem("'" + path + "' does not exist: '" + path.prefix(i + 1) + "' is not a list"));
                    return null;
                }
                Mapping created = new Mapping(origin);
                m.put(new Scalar(key.name(), ScalarType.STRING, origin), created);
                return created;
            }
            if (child instanceof Scalar name && name.type() == ScalarType.STRING && next instanceof Key param
                    && name.text().equals(param.name())) {
                // A component written by name alone, entered by its name: train.optimizer.adam.lr on optimizer: adam.
                Mapping entry = new Mapping(name.origin());
                entry.put(name, new Mapping(origin));
                m.put(key(m, key.name()), entry);
                return entry;
            }
            return child;
        }
        Index index = (Index) segment;
        if (!(current instanceof Sequence s)) {
            problems.add(origin.problem("'" + path + "' does not exist: " + here + " is " + current.describe() + ", not a list"));
            return null;
        }
        if (!inRange(s, index, path, i, origin, problems)) {
            return null;
        }
        ConfigNode item = s.items().get(index.index());
        return next instanceof Key key ? componentParams(s, index.index(), item, key.name(), origin) : item;
    }

    /**
     * Where a key after a list index leads in a component entry: the params mapping unless the key is
     * the component's own name, making a bare name into {@code name: {}} first.
     */
    private static ConfigNode componentParams(Sequence list, int index, ConfigNode item, String key, Origin origin) {
        if (item instanceof Scalar name && name.type() == ScalarType.STRING) {
            Mapping params = new Mapping(origin);
            Mapping entry = new Mapping(name.origin());
            entry.put(name, params);
            list.items().set(index, entry);
            return name.text().equals(key) ? entry : params;
        }
        if (item instanceof Mapping entry && entry.entries().size() == 1) {
            Entry only = entry.entries().get(0);
            if (only.key().text().equals(key)) {
                return entry;
            }
            if (only.value() instanceof Mapping params) {
                return params;
            }
            if (only.value() instanceof Scalar s && s.isNull()) {
                Mapping params = new Mapping(origin);
                entry.put(only.key(), params);
                return params;
            }
        }
        return item;
    }

    /** The key scalar of {@code name} in {@code m}, which has it. */
    private static Scalar key(Mapping m, String name) {
        return m.entry(name).key();
    }

    private static boolean inRange(Sequence s, Index index, OverridePath path, int segment, Origin origin,
                                   List<ConfigProblem> problems) {
        if (index.index() < s.items().size()) {
            return true;
        }
        String list = path.prefix(segment);
        problems.add(origin.problem("index " + index.index() + " is out of range: " + list + " has " + s.items().size()
                + (s.items().size() == 1 ? " entry" : " entries")
                + (s.items().isEmpty() ? "" : " (indexes 0 to " + (s.items().size() - 1) + ")")));
        return false;
    }
}
