package dev.grove.loader.modelio;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 of the whole model.grove, kept in the zip's comment, which is the last thing in the
 * file. The digest covers every byte before the 64 hex digits (the comment's prefix and length
 * field included), so a flipped bit anywhere — in entry data, in the zip's own bookkeeping that
 * readers ignore, or in the digest itself — is detected.
 */
final class FileSeal {

    /** The zip comment before the digest. */
    static final String PREFIX = "grove-sha256:";
    private static final int DIGEST_CHARS = 64;
    /** What the writer puts in the comment; the digest replaces the zeros as the file is written. */
    static final String PLACEHOLDER = PREFIX + "0".repeat(DIGEST_CHARS);

    private FileSeal() {
    }

    /**
     * A stream that passes everything through except its last 64 bytes (the placeholder digits of
     * the comment), which it replaces on close with the SHA-256 of everything before them.
     */
    static OutputStream sealing(OutputStream out) {
        return new FilterOutputStream(out) {
            private final MessageDigest digest = sha256();
            private final byte[] held = new byte[DIGEST_CHARS];
            private int heldCount;

            @Override
            public void write(int b) throws IOException {
                if (heldCount == DIGEST_CHARS) {
                    byte oldest = held[0];
                    System.arraycopy(held, 1, held, 0, DIGEST_CHARS - 1);
                    heldCount--;
                    digest.update(oldest);
                    out.write(oldest);
                }
                held[heldCount++] = (byte) b;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int total = heldCount + len;
                int release = Math.max(0, total - DIGEST_CHARS);
                int fromHeld = Math.min(release, heldCount);
                if (fromHeld > 0) {
                    digest.update(held, 0, fromHeld);
                    out.write(held, 0, fromHeld);
                    System.arraycopy(held, fromHeld, held, 0, heldCount - fromHeld);
                    heldCount -= fromHeld;
                }
                int fromInput = release - fromHeld;
                if (fromInput > 0) {
                    digest.update(b, off, fromInput);
                    out.write(b, off, fromInput);
                }
                System.arraycopy(b, off + fromInput, held, heldCount, len - fromInput);
                heldCount += len - fromInput;
            }

            @Override
            public void close() throws IOException {
                byte[] expected = "0".repeat(DIGEST_CHARS).getBytes(StandardCharsets.US_ASCII);
                if (heldCount != DIGEST_CHARS || !Arrays.equals(held, expected)) {
                    throw new IOException("the zip did not end with the seal placeholder");
                }
                out.write(HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII));
                super.close();
            }
        };
    }

    /** Checks the seal of {@code file}, or throws a {@link FormatProblem} saying the file is damaged. */
    static void verify(Path file) throws IOException {
        long size = Files.size(file);
        long covered = size - DIGEST_CHARS;
        if (covered < PREFIX.length()) {
            throw new FormatProblem("is damaged or truncated: too short to hold its checksum");
        }
        MessageDigest digest = sha256();
        byte[] tail = new byte[DIGEST_CHARS];
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long remaining = covered;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new FormatProblem("is truncated: it ended while being checked");
                }
                digest.update(buffer, 0, n);
                remaining -= n;
            }
            if (in.readNBytes(tail, 0, DIGEST_CHARS) != DIGEST_CHARS) {
                throw new FormatProblem("is truncated: its checksum is incomplete");
            }
        }
        String recorded = new String(tail, StandardCharsets.US_ASCII);
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!recorded.equals(actual)) {
            throw new FormatProblem("checksum mismatch: the file's SHA-256 is " + actual + " but it was written with "
                    + recorded + ": the file is damaged (was it truncated or modified?)");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
