package dev.grove.neural.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            zipped.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void recognisesGzipByItsMagicBytesAndLeavesTheStreamWhereItWas() throws IOException {
        byte[] zipped = gzip("the cat sat".getBytes(StandardCharsets.UTF_8));
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(zipped));

        assertThat(Gzip.startsWithMagic(in)).isTrue();
        assertThat(in.readAllBytes()).isEqualTo(zipped);
    }

    @Test
    void plainTextAndShortStreamsAreNotGzip() throws IOException {
        // 0x1f alone, or followed by anything but 0x8b, is not the magic number.
        for (byte[] bytes : new byte[][] {"the cat".getBytes(StandardCharsets.UTF_8), {0x1f}, {0x1f, 0x00}, {}}) {
            InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
            assertThat(Gzip.startsWithMagic(in)).as("%d bytes", bytes.length).isFalse();
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void needsAStreamThatCanPutBytesBack() {
        InputStream unmarkable = new InputStream() {
            @Override
            public int read() {
                return -1;
            }
        };
        assertThatThrownBy(() -> Gzip.startsWithMagic(unmarkable)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("supports mark");
    }
}
