package dev.grove.bench.classical;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scikit-learn's fit times in seconds by workload name, from a flat JSON object such as
 * {@code sklearn-times.json} (<code>{"name": seconds, …}</code>): either measured in this run by
 * {@code sklearn_classical.py} or the figures recorded with the reference, bundled with this module.
 */
final class ReferenceTimes {

    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*([-+0-9.eE]+)");
    private static final String RECORDED = "sklearn-times.json";

    private ReferenceTimes() {
    }

    /** The times in {@code file}. */
    static Map<String, Double> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The times recorded on this kind of machine with scikit-learn 1.2.1 (the reference). */
    static Map<String, Double> recorded() throws IOException {
        try (InputStream in = ReferenceTimes.class.getResourceAsStream(RECORDED)) {
            if (in == null) {
                throw new IOException("the bundled " + RECORDED + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Double> parse(String json) {
        Map<String, Double> times = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(json);
        while (entry.find()) {
            times.put(entry.group(1), Double.parseDouble(entry.group(2)));
        }
        return times;
    }
}
