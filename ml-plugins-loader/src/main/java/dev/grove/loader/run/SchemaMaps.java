package dev.grove.loader.run;

import dev.grove.api.data.Schema;
import dev.grove.loader.modelio.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Schema} as the plain map stored in model.yaml for a pipeline step ({@code features},
 * {@code target}, {@code classes}, {@code sample-shape}, and {@code vocabulary} and {@code tokenizer} for token ids; a map
 * without the shape holds flat rows).
 */
final class SchemaMaps {

    private SchemaMaps() {
    }

    static Map<String, Object> toMap(Schema schema) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("features", schema.featureNames());
        map.put("target", schema.targetName());
        map.put("classes", schema.classLabels());
        map.put("sample-shape", schema.sampleShape());
        if (schema.hasVocabulary()) {
            map.put("vocabulary", schema.vocabulary());
        }
        if (!schema.tokenizer().isEmpty()) {
            map.put("tokenizer", schema.tokenizer());
        }
        return map;
    }

    static Schema fromMap(Object value, Path file) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("features") instanceof List<?> features)
                || !(map.get("classes") instanceof List<?> classes)) {
            throw new ModelFileException(file + ": a pipeline step's schema must be a map with 'features' and 'classes' lists");
        }
        Object target = map.get("target");
        List<Integer> sampleShape = map.get("sample-shape") == null ? null : ints(map.get("sample-shape"), file);
        try {
            List<String> vocabulary = map.get("vocabulary") instanceof List<?> tokens ? strings(tokens) : null;
            Map<String, String> tokenizer = map.get("tokenizer") instanceof Map<?, ?> settings ? texts(settings) : null;
            return new Schema(strings(features), target == null ? null : target.toString(), strings(classes), sampleShape,
                    vocabulary, tokenizer);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file + ": a pipeline step's schema: " + e.getMessage());
        }
    }

    /** A sample shape: a list of whole numbers; absent (older files) means flat rows. */
    private static List<Integer> ints(Object value, Path file) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(v -> v instanceof Integer)) {
            throw new ModelFileException(file + ": a pipeline step's sample-shape must be a list of whole numbers, found " + value);
        }
        List<Integer> out = new ArrayList<>();
        list.forEach(v -> out.add((Integer) v));
        return out;
    }

    private static Map<String, String> texts(Map<?, ?> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
