package dev.grove.loader.config;

import dev.grove.loader.config.ConfigNode.Mapping;
import dev.grove.loader.plugins.ComponentCatalog;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an experiment file (DESIGN §4), applies command-line overrides and validates everything
 * against the components in a {@link ComponentCatalog}.
 *
 * <p>The YAML is composed into a node tree with SnakeYAML 2 under strict limits (see
 * {@link SafeYamlReader}); no object is ever constructed from the text. All problems of the file
 * and the overrides are reported together in one {@link ConfigException}: file problems in file
 * order, then each override's problems in the order the overrides were given.
 */
public final class ExperimentParser {

    /** More problems than this are summarised; the first ones are what a person fixes first anyway. */
    static final int MAX_PROBLEMS = 100;

    private final ComponentCatalog catalog;

    /** A parser that resolves component names in {@code catalog}. */
    public ExperimentParser(ComponentCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Parses {@code file} without overrides. */
    public Experiment parse(Path file) {
        return parse(file, List.of());
    }

    /**
     * Parses and validates {@code file} with {@code overrides} ({@code PATH=VALUE}, e.g.
     * {@code seed=7}, {@code pipeline[1].c=0.1}) applied before validation.
     *
     * @throws ConfigException with every problem found, each naming the file (with line and column)
     *                         or the override it comes from
     */
    public Experiment parse(Path file, List<String> overrides) {
        String source = file.toString();
        List<ConfigProblem> problems = new ArrayList<>();
        String text = readText(file, source, problems);
        ConfigNode root = text == null ? null : SafeYamlReader.read(text, source, true, problems);
        if (root == null) {
            if (problems.isEmpty()) {
                problems.add(Origin.of(source).problem("the file is empty; an experiment needs at least grove: 1, data and pipeline"));
            }
            throw failure(problems, source, overrides);
        }
        if (!(root instanceof Mapping top)) {
            problems.add(root.origin().problem("an experiment file is a mapping of keys (grove, name, seed, data, pipeline,"
                    + " model, train, evaluate), got " + root.describe()));
            throw failure(problems, source, overrides);
        }
        Overrides.apply(top, overrides, problems);
        Experiment experiment = new ExperimentBuilder(catalog, file, top, problems).build();
        if (!problems.isEmpty()) {
            throw failure(problems, source, overrides);
        }
        return experiment;
    }

    private static String readText(Path file, String source, List<ConfigProblem> problems) {
        Origin origin = Origin.of(source);
        try {
            // Four bytes per character at most in UTF-8: a larger file cannot be within the limit.
            if (Files.size(file) > 4L * SafeYamlReader.MAX_CODE_POINTS) {
                problems.add(origin.problem("the file has " + Files.size(file) + " bytes; experiment files are limited to "
                        + SafeYamlReader.MAX_CODE_POINTS + " characters"));
                return null;
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(origin.problem("no such file"));
        } catch (CharacterCodingException e) {
            problems.add(origin.problem("the file is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(origin.problem("cannot read the file: " + e.getMessage()));
        }
        return null;
    }

    /** The problems ordered: the file's by position, then each override's, in the order given. */
    private static ConfigException failure(List<ConfigProblem> problems, String source, List<String> overrides) {
        Map<String, Integer> rank = new HashMap<>();
        rank.put(source, 0);
        for (int i = 0; i < overrides.size(); i++) {
            rank.putIfAbsent(Overrides.label(overrides.get(i)), i + 1);
        }
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((ConfigProblem p) -> rank.getOrDefault(p.source(), 0))
                .thenComparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column));
        if (sorted.size() > MAX_PROBLEMS) {
            int more = sorted.size() - MAX_PROBLEMS;
            sorted = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
            sorted.add(Origin.of(source).problem("and " + more + " more problems"));
        }
        return new ConfigException(sorted);
    }
}
