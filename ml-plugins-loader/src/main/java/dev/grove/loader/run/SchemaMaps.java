package dev.grove.loader.run;

import dev.grove.api.data.Schema;
import dev.grove.loader.modelio.ModelFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Schema} as the plain map stored in model.yaml ({@code features}, {@code target}, {@code classes}). */
final class SchemaMaps {

    private SchemaMaps() {
    }

    static Map<String, Object> toMap(Schema schema) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("features", schema.featureNames());
        map.put("target", schema.targetName());
        map.put("classes", schema.classLabels());
        return map;
    }

    static Schema fromMap(Object value, Path file) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("features") instanceof List<?> features)
                || !(map.get("classes") instanceof List<?> classes)) {
            throw new ModelFileException(file + ": a pipeline step's schema must be a map with 'features' and 'classes' lists");
        }
        Object target = map.get("target");
        return new Schema(strings(features), target == null ? null : target.toString(), strings(classes));
    }

    private static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
