package dev.grove.loader.config;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.ConfigNode.Entry;
import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.config.ConfigNode.Scalar;
import dev.grove.loader.config.ConfigNode.Sequence;
import dev.grove.loader.plugins.ComponentCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads component entries (a bare name, a one-key mapping {@code name: {params}}, or
 * {@code name: [items]} for a component whose params are one list of components) and finds the
 * named components in the catalog, explaining a miss: a name registered under another kind is
 * called what it is, an unknown one gets the nearest known name.
 */
final class ComponentEntries {

    /** Lists longer than this are cut in messages; {@code grove list} shows everything. */
    private static final int LISTED_NAMES = 20;

    /**
     * A component entry split into its name and params: a mapping, a list (the shorthand for a
     * component whose params are one list of components), or null when none are given.
     */
    record Parsed(Scalar name, ConfigNode params) {
    }

    private final ComponentCatalog catalog;
    private final List<ConfigProblem> problems;

    ComponentEntries(ComponentCatalog catalog, List<ConfigProblem> problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /** Splits an entry of {@code what} ("pipeline step 2") into name and params, or records why it cannot. */
    Parsed parse(ConfigNode node, String what) {
        if (node instanceof Scalar s && s.type() == ScalarType.STRING) {
            return new Parsed(s, null);
        }
        if (node instanceof Mapping m && m.entries().size() == 1) {
            Entry only = m.entries().get(0);
            ConfigNode params = only.value();
            if (params instanceof Mapping || params instanceof Sequence) {
                return new Parsed(only.key(), params);
            }
            if (params instanceof Scalar s && s.isNull()) {
                return new Parsed(only.key(), null);
            }
            problems.add(params.origin().problem("the params of " + only.key().text() + " must be a mapping such as {key: value},"
                    + " got " + params.describe()));
            return null;
        }
        if (node instanceof Mapping m && m.entries().size() > 1) {
            List<String> keys = m.entries().stream().map(e -> "'" + e.key().text() + "'").toList();
            problems.add(node.origin().problem(what + " is a name or a one-key mapping 'name: {params}', got a mapping with "
                    + keys.size() + " keys (" + String.join(", ", keys) + "); indent the params under the name or write them"
                    + " in braces, e.g. '" + m.entries().get(0).key().text() + ": {key: value}'"));
            return null;
        }
        problems.add(node.origin().problem(what + " must be a component name or a one-key mapping 'name: {params}', got "
                + node.describe()));
        return null;
    }

    /**
     * The component of kind {@code wanted} named by {@code name}. If there is none, records a problem
     * and returns a component of another kind with that name (so its params can still be checked),
     * or null.
     *
     * @param rule the placement rule, said when the name is registered under another kind
     *             ("the last pipeline step must be an estimator")
     */
    Component<?> find(Scalar name, Kind wanted, String rule) {
        Optional<ComponentCatalog.Entry> found = catalog.find(wanted, name.text());
        if (found.isPresent()) {
            return found.get().component();
        }
        List<ComponentCatalog.Entry> others = catalog.named(name.text());
        if (!others.isEmpty()) {
            List<String> kinds = others.stream().map(e -> article(e.component().kind())).toList();
            problems.add(name.origin().problem("'" + name.text() + "' is " + String.join(" and ", kinds) + "; " + rule));
            return others.get(0).component();
        }
        problems.add(name.origin().problem(NearestNames.then("unknown " + label(wanted) + " '" + name.text() + "'"
                + nearest(name.text(), wanted), known(wanted))));
        return null;
    }

    private String nearest(String name, Kind wanted) {
        Optional<String> same = NearestNames.nearest(name, catalog.names(wanted));
        if (same.isPresent()) {
            return "; did you mean '" + same.get() + "'?";
        }
        List<String> all = new ArrayList<>();
        catalog.all().forEach(e -> all.add(e.component().name()));
        return NearestNames.nearest(name, all)
                .map(n -> "; did you mean '" + n + "' (" + String.join(" and ",
                        catalog.named(n).stream().map(e -> article(e.component().kind())).toList()) + ")?")
                .orElse("");
    }

    private String known(Kind kind) {
        List<String> names = catalog.names(kind);
        if (names.isEmpty()) {
            return "no " + label(kind) + " is registered (is the plugin that provides it on the module path or in --plugins?)";
        }
        String shown = String.join(", ", names.subList(0, Math.min(LISTED_NAMES, names.size())));
        return "known " + label(kind) + "s: " + shown
                + (names.size() > LISTED_NAMES ? " and " + (names.size() - LISTED_NAMES) + " more (see 'grove list')" : "");
    }

    /** "estimator", "data source": a kind as prose. */
    static String label(Kind kind) {
        return kind.label().replace('-', ' ');
    }

    /** "an estimator", "a transformer". */
    static String article(Kind kind) {
        String label = label(kind);
        return ("aeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
