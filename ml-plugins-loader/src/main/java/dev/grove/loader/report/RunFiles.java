package dev.grove.loader.report;

import dev.grove.loader.modelio.ModelFile;
import dev.grove.loader.modelio.ModelFileReader;
import dev.grove.loader.modelio.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a run folder holds, read for a report: config.yaml (as text and as plain maps), metrics.json,
 * history.csv, model.grove, report-data.json. A missing or unreadable file is not an error: its
 * part stays empty and {@link #problems} says why, so a failed run still gets a report of what it
 * wrote.
 */
final class RunFiles {

    private final Path directory;
    private final String configText;
    private final Map<String, Object> config;
    private final Map<String, Object> metrics;
    private final History history;
    private final ModelFile model;
    private final Map<String, Object> reportData;
    private final List<String> problems;

    private RunFiles(Path directory, String configText, Map<String, Object> config, Map<String, Object> metrics,
                     History history, ModelFile model, Map<String, Object> reportData, List<String> problems) {
        this.directory = directory;
        this.configText = configText;
        this.config = config;
        this.metrics = metrics;
        this.history = history;
        this.model = model;
        this.reportData = reportData;
        this.problems = List.copyOf(problems);
    }

    /** Reads the run folder {@code directory}. */
    static RunFiles read(Path directory) {
        List<String> problems = new ArrayList<>();
        String configText = text(directory.resolve("config.yaml"), problems);
        Map<String, Object> config = Map.of();
        if (configText != null) {
            try {
                config = yamlMap(configText);
            } catch (RuntimeException e) {
                problems.add("config.yaml could not be read: " + e.getMessage());
            }
        }
        Map<String, Object> metrics = json(directory.resolve("metrics.json"), problems);
        History history = History.empty();
        String historyText = text(directory.resolve("history.csv"), problems);
        if (historyText != null) {
            try {
                history = History.parse(historyText);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        ModelFile model = null;
        Path modelFile = directory.resolve("model.grove");
        if (Files.isRegularFile(modelFile)) {
            try {
                model = ModelFileReader.read(modelFile);
            } catch (RuntimeException e) {
                problems.add("model.grove could not be read: " + e.getMessage());
            }
        } else {
            problems.add("the run saved no model.grove (did it fail before the end?)");
        }
        Map<String, Object> reportData = Files.isRegularFile(directory.resolve(ReportData.FILE))
                ? json(directory.resolve(ReportData.FILE), problems) : Map.of();
        List<String> partsMissing = Plain.strings(reportData.get("problems"));
        if (partsMissing != null) {
            problems.addAll(partsMissing);
        }
        return new RunFiles(directory, configText, config, metrics, history, model, reportData, problems);
    }

    /** The run folder. */
    Path directory() {
        return directory;
    }

    /** The experiment's name from config.yaml, else the folder's name. */
    String name() {
        return config.get("name") instanceof String s ? s : directory.toAbsolutePath().getFileName().toString();
    }

    /** config.yaml as written, or null when missing. */
    String configText() {
        return configText;
    }

    /** config.yaml as plain maps, lists and scalars (empty when missing). */
    Map<String, Object> config() {
        return config;
    }

    /** metrics.json by key (empty when missing); NaN figures are null. */
    Map<String, Object> metrics() {
        return metrics;
    }

    /** The figure {@code key} of metrics.json as a number, or NaN when absent or not a number. */
    double metric(String key) {
        return metrics.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** history.csv (empty when missing). */
    History history() {
        return history;
    }

    /** The saved model, when model.grove exists and reads. */
    Optional<ModelFile> model() {
        return Optional.ofNullable(model);
    }

    /** report-data.json by key (empty when missing). */
    Map<String, Object> reportData() {
        return reportData;
    }

    /** The part {@code key} of report-data.json when it is a JSON object. */
    Optional<Map<String, Object>> reportPart(String key) {
        return reportData.get(key) instanceof Map<?, ?> m ? Optional.of(Plain.map(m)) : Optional.empty();
    }

    /** Why some part of the run could not be read, one sentence each. */
    List<String> problems() {
        return problems;
    }

    private static String text(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file.getFileName() + " is missing");
            return null;
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            problems.add(file.getFileName() + " could not be read: " + e.getMessage());
            return null;
        }
    }

    private static Map<String, Object> json(Path file, List<String> problems) {
        String text = text(file, problems);
        if (text == null) {
            return Map.of();
        }
        try {
            Object value = StrictJson.read(text, file.getFileName().toString());
            if (value instanceof Map<?, ?> m) {
                return Plain.map(m);
            }
            problems.add(file.getFileName() + " does not hold a JSON object");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return Map.of();
    }

    /**
     * A config.yaml grove wrote, as plain values. The safe constructor builds only maps, lists and
     * scalars, never an object a file names.
     */
    static Map<String, Object> yamlMap(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(1_000_000);
        Object loaded = new Yaml(new SafeConstructor(options)).load(text);
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("it is not a mapping");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(Plain.map(m)));
    }
}
