package dev.grove.loader.config;

/**
 * Where a node of an experiment came from: the file (1-based line and column) or, with line 0, a
 * place without positions such as a command-line override or a declared default.
 */
record Origin(String source, int line, int column) {

    /** A source without positions (an override, a default). */
    static Origin of(String source) {
        return new Origin(source, 0, 0);
    }

    /** A problem located here. */
    ConfigProblem problem(String message) {
        return new ConfigProblem(source, line, column, message);
    }
}
