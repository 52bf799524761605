package dev.grove.loader.plugins;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Registry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every component the loaded plugins registered, by kind and name, remembering which plugin
 * registered each. Two components of one kind with one name are an error naming both plugins.
 */
public final class ComponentCatalog {

    /** A component and the id of the plugin that registered it. */
    public record Entry(Component<?> component, String pluginId) {
    }

    private final Map<Kind, Map<String, Entry>> byKind = new EnumMap<>(Kind.class);
    private final List<String> conflicts = new ArrayList<>();

    /** A registry that records into this catalog on behalf of {@code pluginId}. */
    public Registry registryFor(String pluginId) {
        return component -> add(component, pluginId);
    }

    private synchronized void add(Component<?> component, String pluginId) {
        Map<String, Entry> names = byKind.computeIfAbsent(component.kind(), k -> new TreeMap<>());
        Entry existing = names.get(component.name());
        if (existing != null) {
            conflicts.add(component.kind().label() + " '" + component.name() + "' is registered by both plugin '"
                    + existing.pluginId() + "' and plugin '" + pluginId + "'");
            return;
        }
        names.put(component.name(), new Entry(component, pluginId));
    }

    /** Name clashes found while registering; loading fails if there are any. */
    public List<String> conflicts() {
        return Collections.unmodifiableList(conflicts);
    }

    /** The component of {@code kind} named {@code name}. */
    public Optional<Entry> find(Kind kind, String name) {
        return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(name));
    }

    /** The first component named {@code name} of any of {@code kinds}, in the order given. */
    public Optional<Entry> find(String name, Kind... kinds) {
        for (Kind k : kinds) {
            Optional<Entry> e = find(k, name);
            if (e.isPresent()) {
                return e;
            }
        }
        return Optional.empty();
    }

    /** Sorted names of all components of {@code kind}. */
    public List<String> names(Kind kind) {
        return List.copyOf(byKind.getOrDefault(kind, Map.of()).keySet());
    }

    /** All entries, by kind then name. */
    public List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.addAll(byKind.getOrDefault(k, Map.of()).values());
        }
        return out;
    }

    /** All entries with this name, of any kind (for {@code grove describe}). */
    public List<Entry> named(String name) {
        List<Entry> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            find(k, name).ifPresent(out::add);
        }
        return out;
    }
}
