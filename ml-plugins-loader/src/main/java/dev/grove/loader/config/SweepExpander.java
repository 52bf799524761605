package dev.grove.loader.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands sweep arguments ({@code -m PATH=V1,V2,…}) into the Cartesian product of overrides.
 *
 * <p>Order: the first argument varies slowest and the last fastest, like nested loops written in
 * argument order: {@code a=1,2 b=x,y} gives {@code [a=1 b=x], [a=1 b=y], [a=2 b=x], [a=2 b=y]}.
 * Commas inside brackets, braces or quotes do not split, so {@code features=[a,b],[c]} sweeps two
 * lists. Values are kept as written (trimmed) and parsed later like any override.
 */
public final class SweepExpander {

    /** The most runs one sweep may expand to. */
    public static final int MAX_COMBINATIONS = 10_000;

    private SweepExpander() {
    }

    /**
     * The override lists, one per combination; one empty list when there are no sweep arguments.
     *
     * @throws ConfigException naming each malformed argument ({@code sweep 'seed=1,,2'})
     */
    public static List<List<String>> expand(List<String> sweepArgs) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<List<String>> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String arg : sweepArgs) {
            Origin origin = Origin.of("sweep '" + arg + "'");
            int eq = arg.indexOf('=');
            if (eq < 0) {
                problems.add(origin.problem("a sweep is PATH=V1,V2,..., e.g. seed=1,2,3 or pipeline[1].c=0.1,1,10; this one has no '='"));
                continue;
            }
            String path = arg.substring(0, eq).trim();
            try {
                OverridePath.parse(path);
                List<String> split = splitValues(arg.substring(eq + 1));
                if (!seen.add(path)) {
                    problems.add(origin.problem(path + " is swept twice; give all its values in one argument"));
                    continue;
                }
                paths.add(path);
                values.add(split);
            } catch (IllegalArgumentException e) {
                problems.add(origin.problem(e.getMessage()));
            }
        }
        long combinations = 1;
        for (List<String> v : values) {
            combinations = Math.min(combinations * v.size(), MAX_COMBINATIONS + 1L);
        }
        if (combinations > MAX_COMBINATIONS) {
            problems.add(Origin.of("sweep").problem("the sweep has more than " + MAX_COMBINATIONS + " combinations; split it up"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<List<String>> out = new ArrayList<>();
        product(paths, values, 0, new ArrayList<>(), out);
        return List.copyOf(out);
    }

    private static void product(List<String> paths, List<List<String>> values, int depth, List<String> current,
                                List<List<String>> out) {
        if (depth == paths.size()) {
            out.add(List.copyOf(current));
            return;
        }
        for (String value : values.get(depth)) {
            current.add(paths.get(depth) + "=" + value);
            product(paths, values, depth + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    /** Splits at commas outside brackets, braces and quotes; every value must be non-empty. */
    static List<String> splitValues(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ']' || ch == '}') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("'" + ch + "' at position " + (i + 1) + " closes nothing");
                }
            } else if (ch == ',' && depth == 0) {
                out.add(value(text, start, i));
                start = i + 1;
            }
        }
        if (quote != 0 || depth != 0) {
            throw new IllegalArgumentException(quote != 0 ? "a quote is not closed" : "a bracket or brace is not closed");
        }
        out.add(value(text, start, text.length()));
        return out;
    }

    private static String value(String text, int from, int to) {
        String value = text.substring(from, to).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty value in '" + text + "' (two commas in a row, or one at an end)");
        }
        return value;
    }
}
