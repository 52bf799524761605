package dev.grove.loader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What sets runs apart: the settings of their config.yaml files, flattened to dotted paths
 * ({@code pipeline[1].kmeans.k}, {@code train.optimizer.adam.lr}), that do not have the same value
 * in every run. A setting missing from a run counts as different.
 */
public final class ConfigDifferences {

    private ConfigDifferences() {
    }

    /**
     * One map per run folder, in order: each differing setting's path and the run's value ("" where
     * the run lacks it).
     *
     * @throws IllegalArgumentException if a folder's config.yaml is missing or not a YAML mapping
     */
    public static List<Map<String, String>> of(List<Path> runDirectories) {
        List<Map<String, String>> flat = new ArrayList<>();
        for (Path dir : runDirectories) {
            Path file = dir.resolve("config.yaml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(dir + " has no config.yaml, so it is not a run folder");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            try {
                flatten("", RunFiles.yamlMap(Files.readString(file)), settings);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " could not be read: " + e.getMessage(), e);
            }
            flat.add(settings);
        }
        Set<String> paths = new LinkedHashSet<>();
        flat.forEach(settings -> paths.addAll(settings.keySet()));
        List<String> differing = paths.stream()
                .filter(p -> flat.stream().map(s -> s.getOrDefault(p, "")).distinct().count() > 1).toList();
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> settings : flat) {
            Map<String, String> row = new LinkedHashMap<>();
            differing.forEach(p -> row.put(p, settings.getOrDefault(p, "")));
            out.add(row);
        }
        return out;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                into.put(prefix, "[]");
            }
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, String.valueOf(value));
        }
    }
}
