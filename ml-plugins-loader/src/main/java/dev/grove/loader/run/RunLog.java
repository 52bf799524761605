package dev.grove.loader.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The run's {@code run.log}: timestamped lines, flushed as they are written so a crash loses nothing.
 * A resumed run appends to the log of the attempts before it.
 */
final class RunLog implements AutoCloseable {

    private final BufferedWriter writer;
    private final Console console;

    RunLog(Path file, Console console, boolean append) {
        this.console = console;
        try {
            this.writer = append
                    ? Files.newBufferedWriter(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /** Logs a line and shows it on the console. */
    synchronized void info(String message) {
        console.line(message);
        append("INFO", message);
    }

    /** Logs a line without showing it. */
    synchronized void detail(String message) {
        append("DEBUG", message);
    }

    /** Logs a warning and shows it. */
    synchronized void warn(String message) {
        console.line("warning: " + message);
        append("WARN", message);
    }

    private void append(String level, String message) {
        try {
            writer.write(Instant.now() + " " + level + " " + message);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run.log", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close run.log", e);
        }
    }
}
