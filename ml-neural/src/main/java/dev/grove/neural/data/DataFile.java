package dev.grove.neural.data;

import dev.grove.api.run.RunContext;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of one data file, read whole and decompressed when it is gzip (recognised by its magic
 * bytes {@code 1f 8b}, not by its name), plus what error messages about it need: what the file is
 * for ({@code "mnist images"}) and where it was found.
 */
final class DataFile {

    /** The largest array the JVM allocates. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    /** What the file is for, as messages name it, e.g. {@code mnist images}. */
    private final String role;
    private final Path path;
    private final boolean gzipped;
    /** The content, decompressed. */
    private final byte[] bytes;

    private DataFile(String role, Path path, boolean gzipped, byte[] bytes) {
        this.role = role;
        this.path = path;
        this.gzipped = gzipped;
        this.bytes = bytes;
    }

    /**
     * Reads the file {@code path} names, resolved with {@link RunContext#resolvePath(String)}.
     *
     * @throws IllegalArgumentException if it is found nowhere (naming the places looked at), is a
     *                                  directory, or is damaged gzip data
     * @throws UncheckedIOException     if reading fails for another reason
     */
    static DataFile read(RunContext context, String path, String role) {
        Path file = context.resolvePath(path);
        if (!Files.exists(file)) {
            throw notFound(context, path, role);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(role + " " + file + ": is a directory, expected a file");
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            boolean gzipped = Gzip.startsWithMagic(raw);
            if (!gzipped && Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(role + " " + file + ": " + Files.size(file)
                        + " bytes is more than one array can hold (" + MAX_BYTES + ")");
            }
            byte[] bytes = gzipped ? readGzip(raw, file, role) : raw.readAllBytes();
            return new DataFile(role, file, gzipped, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(role + " " + file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static byte[] readGzip(InputStream raw, Path file, String role) throws IOException {
        try (InputStream in = new GZIPInputStream(raw)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new IllegalArgumentException(role + " " + file + ": the gzip data is truncated (" + e.getMessage()
                    + "); the file was probably cut short while copying or downloading");
        } catch (ZipException e) {
            throw new IllegalArgumentException(role + " " + file + ": damaged gzip data (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException notFound(RunContext context, String path, String role) {
        List<Path> tried = context.pathCandidates(path);
        String places = tried.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(", "));
        String hint = Path.of(path).isAbsolute() || RunContext.dataDirectory().isPresent() ? ""
                : "; relative paths are also looked up in the data directory, which is not set (set the environment"
                + " variable " + RunContext.DATA_DIRECTORY_VARIABLE + " or the system property "
                + RunContext.DATA_DIRECTORY_PROPERTY + ")";
        return new IllegalArgumentException(role + " '" + path + "': file not found (looked at " + places + ")" + hint);
    }

    /** Where the file was read from. */
    Path path() {
        return path;
    }

    /** The content, decompressed; callers only read it. */
    byte[] bytes() {
        return bytes;
    }

    /** Length of the content in bytes (decompressed). */
    int length() {
        return bytes.length;
    }

    /** The big-endian 32-bit integer at {@code offset}. */
    int intAt(int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    /** The unsigned byte at {@code offset}. */
    int unsignedAt(int offset) {
        return bytes[offset] & 0xff;
    }

    /** An error about this file: its role, path and (when it was gzip) that lengths are decompressed. */
    IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(role + " " + path + (gzipped ? " (gzip; sizes are decompressed)" : "")
                + ": " + what);
    }
}
