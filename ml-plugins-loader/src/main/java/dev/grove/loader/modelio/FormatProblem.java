package dev.grove.loader.modelio;

/**
 * A problem found inside a model.grove while reading it, described relative to the file (for example
 * "model.yaml: schema.features must be a list"). {@link ModelFileReader} adds the file's path and
 * rethrows it as a {@link ModelFileException}, so it never leaves this package.
 */
final class FormatProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FormatProblem(String message) {
        super(message);
    }

    FormatProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
