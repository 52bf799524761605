package dev.grove.loader.modelio;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads one zip entry through to its end without trusting the zip's directory: stops as soon as more
 * than the limit has come out (so a zip bomb costs at most the limit), then checks the byte count
 * against the declared size and the CRC-32 against the stored one, which {@link ZipFile} itself
 * does not verify.
 */
final class ZipEntryScan {

    private static final int CHUNK_BYTES = 1 << 16;

    /** What a scan found. */
    record Result(long size, String sha256) {
    }

    /** Receives the entry's bytes as they are read. */
    @FunctionalInterface
    interface Sink {
        /** {@code buffer[0..length)} are the next bytes. */
        void accept(byte[] buffer, int length);
    }

    private ZipEntryScan() {
    }

    /**
     * Reads {@code entry} from {@code zip}, passing its bytes to {@code sink}.
     *
     * @return its true size and the lower-case hex SHA-256 of its bytes
     * @throws FormatProblem if it is larger than {@code limit}, shorter or longer than declared, fails
     *                       its CRC-32 check, or cannot be decompressed
     */
    static Result scan(ZipFile zip, ZipEntry entry, long limit, Sink sink) {
        String name = entry.getName();
        long declared = entry.getSize();
        if (declared > limit) {
            throw new FormatProblem(name + " is " + declared + " bytes, more than the limit of " + limit + " bytes");
        }
        CRC32 crc = new CRC32();
        MessageDigest sha = sha256();
        byte[] buffer = new byte[CHUNK_BYTES];
        long count = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            // Asking for at most limit + 1 - count bytes means we stop one byte past the limit.
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - count))) > 0) {
                count += n;
                if (count > limit) {
                    throw new FormatProblem(name + " holds more than the limit of " + limit + " bytes, although the zip declares "
                            + declared + " (reading stopped at the limit)");
                }
                crc.update(buffer, 0, n);
                sha.update(buffer, 0, n);
                sink.accept(buffer, n);
            }
        } catch (IOException e) {
            throw new FormatProblem(name + " cannot be read (" + describe(e) + "): the file is damaged", e);
        }
        if (count != declared) {
            throw new FormatProblem(name + " holds " + count + " bytes but the zip declares " + declared + ": the file is damaged");
        }
        if (crc.getValue() != entry.getCrc()) {
            throw new FormatProblem(String.format("%s fails its CRC-32 check (stored %08x, computed %08x): the file is damaged",
                    name, entry.getCrc(), crc.getValue()));
        }
        return new Result(count, HexFormat.of().formatHex(sha.digest()));
    }

    /** The exception's message, or its type when it has none (an EOFException, say). */
    static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A new SHA-256 digest, which every Java runtime provides. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
