package dev.grove.neural.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * Recognises gzip data by its magic bytes {@code 1f 8b} rather than by a file's name, so a data
 * file reads the same whether or not it is called {@code .gz}. Shared by the readers of image,
 * text and corpus files.
 */
public final class Gzip {

    private static final int MAGIC_FIRST = 0x1f;
    private static final int MAGIC_SECOND = 0x8b;

    private Gzip() {
    }

    /**
     * Whether {@code in} starts with the gzip magic bytes. It peeks at two bytes and puts them back,
     * so the stream must support {@link InputStream#mark} (a {@code BufferedInputStream} does).
     *
     * @throws IllegalArgumentException if the stream cannot be marked
     */
    public static boolean startsWithMagic(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("Gzip.startsWithMagic needs a stream that supports mark, such as a"
                    + " BufferedInputStream");
        }
        in.mark(2);
        boolean gzip = in.read() == MAGIC_FIRST && in.read() == MAGIC_SECOND;
        in.reset();
        return gzip;
    }
}
