package dev.grove.loader.modelio;

import java.nio.file.Path;

/**
 * A model.grove that cannot be read or written: missing, damaged, hostile, or of an unsupported
 * format version. The message names the file and says what is wrong with it.
 */
public final class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem whose message already names the file. */
    public ModelFileException(String message) {
        super(message);
    }

    /** A problem with {@code file}: the message is {@code "<file>: <problem>"}. */
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** Like {@link #ModelFileException(Path, String)}, keeping the underlying cause. */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
