package dev.grove.loader.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of an experiment's YAML tree: scalars keep their text and resolved type, every node keeps
 * its {@link Origin}. The tree is built from SnakeYAML's composed nodes (never from constructed
 * objects) and changed in place by overrides before it is validated.
 */
sealed interface ConfigNode permits ConfigNode.Scalar, ConfigNode.Sequence, ConfigNode.Mapping {

    /** Where the node came from. */
    Origin origin();

    /** How the node reads in a message: {@code string 'abc'}, {@code number 1.5}, {@code a list}. */
    String describe();

    /** A scalar with its text and resolved type; an empty value or {@code ~} is a {@link ScalarType#NULL} scalar. */
    record Scalar(String text, ScalarType type, Origin origin) implements ConfigNode {

        /** Whether this is YAML null. */
        boolean isNull() {
            return type == ScalarType.NULL;
        }

        @Override
        public String describe() {
            return switch (type) {
                case NULL -> "null";
                case STRING -> "string '" + shorten(text) + "'";
                default -> type.label() + " " + shorten(text);
            };
        }

        private static String shorten(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }

    /** A list; its items may be replaced by overrides. */
    record Sequence(List<ConfigNode> items, Origin origin) implements ConfigNode {

        /** An empty, growable sequence. */
        Sequence(Origin origin) {
            this(new ArrayList<>(), origin);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** One key and its value. */
    record Entry(Scalar key, ConfigNode value) {
    }

    /** A mapping in file order, without duplicate keys (the reader reports and drops those). */
    record Mapping(List<Entry> entries, Origin origin) implements ConfigNode {

        /** An empty, growable mapping. */
        Mapping(Origin origin) {
            this(new ArrayList<>(), origin);
        }

        /** The entry with this key, or null. */
        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().text().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** The value of this key, or null when absent. */
        ConfigNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }

        /** Replaces the value of {@code key} (keeping the key's position), or appends a new entry. */
        void put(Scalar key, ConfigNode value) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).key().text().equals(key.text())) {
                    entries.set(i, new Entry(entries.get(i).key(), value));
                    return;
                }
            }
            entries.add(new Entry(key, value));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }
}
