package dev.grove.loader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The folder a run writes into: exactly {@code --out}, or {@code runs/<name>/<timestamp>/}. */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** Creates the folder (and parents). */
    static RunDirectory create(RunOptions options, String experimentName) {
        Path dir = options.outDir() != null ? options.outDir()
                : options.runsRoot().resolve(experimentName).resolve(LocalDateTime.now().format(STAMP));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + dir, e);
        }
        return new RunDirectory(dir);
    }

    Path path() {
        return path;
    }
}
