package dev.grove.nlp.data;

import dev.grove.api.run.RunContext;
import dev.grove.neural.data.Gzip;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A UTF-8 text file read whole, gunzipped when it is gzip (recognised by its magic bytes
 * {@code 1f 8b}, not by its name), with a leading byte-order mark removed. Errors name the source
 * ({@code corpus}, {@code labelled-text}) and the file.
 *
 * @param source the data source reading it, as messages name it
 * @param path   where the file was found
 * @param text   its content
 */
record TextFile(String source, Path path, String text) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Reads the file {@code path} names, resolved with {@link RunContext#resolvePath(String)}.
     *
     * @throws IllegalArgumentException if it is found nowhere (naming the places looked at), is a
     *                                  directory, is damaged gzip data or is not UTF-8
     * @throws UncheckedIOException     if reading fails for another reason
     */
    static TextFile read(RunContext context, String path, String source) {
        Path file = context.resolvePath(path);
        if (!Files.exists(file)) {
            throw notFound(context, path, source);
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(source + ": " + file + " is a directory, expected a text file");
        }
        byte[] bytes;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            boolean gzipped = Gzip.startsWithMagic(raw);
            bytes = gzipped ? gunzip(raw, file, source) : raw.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        String text = decode(bytes, file, source);
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        return new TextFile(source, file, text);
    }

    /** An error about this file: {@code "<source>: <path>: <what>"}. */
    IllegalArgumentException problem(String what) {
        return new IllegalArgumentException(source + ": " + path + ": " + what);
    }

    private static byte[] gunzip(InputStream raw, Path file, String source) throws IOException {
        try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new IllegalArgumentException(source + ": " + file + ": the gzip data is truncated; the file was"
                    + " probably cut short while copying or downloading");
        } catch (ZipException e) {
            throw new IllegalArgumentException(source + ": " + file + ": damaged gzip data (" + e.getMessage() + ")");
        }
    }

    private static String decode(byte[] bytes, Path file, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never takes fewer bytes than UTF-16 chars, so one buffer of the byte length holds the text.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IllegalArgumentException(source + ": " + file + " is not UTF-8 text: invalid bytes at byte offset "
                    + in.position() + "; convert the file to UTF-8");
        }
        return out.flip().toString();
    }

    private static IllegalArgumentException notFound(RunContext context, String path, String source) {
        String places = context.pathCandidates(path).stream()
                .map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(", "));
        String hint = Path.of(path).isAbsolute() || RunContext.dataDirectory().isPresent() ? ""
                : "; relative paths are also looked up in the data directory, which is not set (set the environment"
                + " variable " + RunContext.DATA_DIRECTORY_VARIABLE + " or the system property "
                + RunContext.DATA_DIRECTORY_PROPERTY + ")";
        return new IllegalArgumentException(source + ": file '" + path + "' not found (looked at " + places + ")" + hint);
    }
}
