package dev.grove.loader.config;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment that cannot run, with every problem found (not just the first). */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** Wraps the problems; there must be at least one. */
    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** All problems, in file order. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
