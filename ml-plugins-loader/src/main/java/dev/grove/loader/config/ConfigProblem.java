package dev.grove.loader.config;

/**
 * One problem in an experiment file or override: where (file, 1-based line and column; 0 when the
 * problem has no position, such as a missing key) and what is wrong, including what was expected
 * and, where one exists, the nearest valid name.
 */
public record ConfigProblem(String source, int line, int column, String message) {

    /** {@code file:line:column: message}, or {@code file: message} without a position. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column + ": " + message : source + ": " + message;
    }
}
