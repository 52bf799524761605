package dev.grove.loader.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The left side of an override: dotted keys with optional list indexes, such as {@code seed},
 * {@code data.split.test} or {@code pipeline[1].c}. Indexes count from 0.
 */
record OverridePath(List<Segment> segments) {

    /** One step of a path. */
    sealed interface Segment permits Key, Index {
    }

    /** A mapping key. */
    record Key(String name) implements Segment {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A list index. */
    record Index(int index) implements Segment {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    private static final Pattern PART = Pattern.compile("([^\\[\\]\\s=]+)((?:\\[[^\\]]*\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)\\]");
    private static final String EXAMPLES = " (paths look like seed, data.split.test or pipeline[1].c)";

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static OverridePath parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the path before '=' is empty" + EXAMPLES);
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a valid path: '" + part + "' is not a key" + EXAMPLES);
            }
            segments.add(new Key(m.group(1)));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                String digits = index.group(1).trim();
                if (!digits.matches("[0-9]{1,9}")) {
                    throw new IllegalArgumentException("'" + text + "' is not a valid path: [" + index.group(1)
                            + "] is not a list index; write a number counting from 0" + EXAMPLES);
                }
                segments.add(new Index(Integer.parseInt(digits)));
            }
        }
        return new OverridePath(List.copyOf(segments));
    }

    /** The first {@code n} segments as text ("pipeline[1]"). */
    String prefix(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (s instanceof Key && i > 0) {
                sb.append('.');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return prefix(segments.size());
    }
}
