package dev.grove.loader.cli;

/** A command used wrongly (a missing file, an unknown component name); exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
