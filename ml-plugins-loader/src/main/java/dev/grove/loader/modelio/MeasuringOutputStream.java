package dev.grove.loader.modelio;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;

/** Discards what is written to it, keeping its length, CRC-32 and SHA-256. */
final class MeasuringOutputStream extends OutputStream {

    private final CRC32 crc = new CRC32();
    private final MessageDigest sha = ZipEntryScan.sha256();
    private long size;

    @Override
    public void write(int b) {
        crc.update(b);
        sha.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        crc.update(b, off, len);
        sha.update(b, off, len);
        size += len;
    }

    /** Bytes written so far. */
    long size() {
        return size;
    }

    /** CRC-32 of the bytes written so far. */
    long crc32() {
        return crc.getValue();
    }

    /** Lower-case hex SHA-256 of the bytes written; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(sha.digest());
    }
}
