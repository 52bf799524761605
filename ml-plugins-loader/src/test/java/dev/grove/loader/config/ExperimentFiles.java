package dev.grove.loader.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.loader.plugins.ComponentCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes experiment files for tests (one argument per line, so line numbers are easy to read) and parses them. */
final class ExperimentFiles {

    /** A valid experiment used as the base of override tests; line numbers are in the comments of the tests. */
    static final String[] IRIS = {
        "grove: 1",
        "name: iris-logistic",
        "seed: 42",
        "data:",
        "  source: csv",
        "  path: datasets/iris.csv",
        "  target: species",
        "  split: {test: 0.2, val: 0.1, stratify: true, shuffle: true}",
        "pipeline:",
        "  - standard-scaler",
        "  - logistic-regression: {max-iter: 200, c: 0.5}",
        "evaluate:",
        "  cv: {folds: 5, stratify: true, shuffle: true}",
        "  metrics: [accuracy, f1-macro, confusion-matrix]",
    };

    private ExperimentFiles() {
    }

    static Path write(Path dir, String name, String... lines) {
        return writeText(dir, name, String.join("\n", lines) + "\n");
    }

    static Path writeText(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of parsing {@code file} with {@code overrides}; fails the test if it parses. */
    static List<ConfigProblem> problems(Path file, String... overrides) {
        return problems(TestComponents.catalog(), file, overrides);
    }

    /** The problems of parsing {@code file} with the components of {@code catalog}; fails the test if it parses. */
    static List<ConfigProblem> problems(ComponentCatalog catalog, Path file, String... overrides) {
        ExperimentParser parser = new ExperimentParser(catalog);
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> parser.parse(file, List.of(overrides)))
                .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
        return caught[0].problems();
    }

    /** Parses {@code file} with {@code overrides}. */
    static Experiment parse(Path file, String... overrides) {
        return parse(TestComponents.catalog(), file, overrides);
    }

    /** Parses {@code file} with {@code overrides} and the components of {@code catalog}. */
    static Experiment parse(ComponentCatalog catalog, Path file, String... overrides) {
        return new ExperimentParser(catalog).parse(file, List.of(overrides));
    }
}
