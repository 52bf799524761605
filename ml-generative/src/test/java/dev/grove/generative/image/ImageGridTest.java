package dev.grove.generative.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    /** Reads the PNG back by the format's rules: chunks with checked CRCs, then the inflated scan lines. */
    private record Decoded(int width, int height, int colourType, byte[] scanLines) {
    }

    private static Decoded decode(byte[] png) throws Exception {
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89 - 256, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        int width = 0;
        int height = 0;
        int colourType = -1;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        boolean ended = false;
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(data);
            assertThat(in.getInt()).isEqualTo((int) crc.getValue());
            String name = new String(type, StandardCharsets.US_ASCII);
            if (name.equals("IHDR")) {
                ByteBuffer header = ByteBuffer.wrap(data);
                width = header.getInt();
                height = header.getInt();
                assertThat(header.get()).isEqualTo((byte) 8);
                colourType = header.get();
            } else if (name.equals("IDAT")) {
                idat.writeBytes(data);
            } else if (name.equals("IEND")) {
                ended = true;
            }
        }
        assertThat(ended).isTrue();
        Inflater inflater = new Inflater();
        inflater.setInput(idat.toByteArray());
        byte[] out = new byte[1 << 20];
        int size = inflater.inflate(out);
        inflater.end();
        return new Decoded(width, height, colourType, Arrays.copyOf(out, size));
    }

    @Test
    void greyImagesSitInAGridWithWhiteGaps() throws Exception {
        float[] black = new float[4];
        float[] ramp = {0f, 0.5f, 1f, 2f};
        Decoded png = decode(ImageGrid.encode(List.of(black, ramp, black), 1, 2, 2, 2));

        // 2 columns of 2-pixel images with 2-pixel gaps: 2+2+2+2+2 = 10 wide; 2 rows: 10 high.
        assertThat(png.width()).isEqualTo(10);
        assertThat(png.height()).isEqualTo(10);
        assertThat(png.colourType()).isZero();
        int stride = 1 + 10;
        assertThat(png.scanLines()).hasSize(stride * 10);
        // The second image starts at column 2 + 2 + 2 = 6, row 2; 0.5 rounds to 128, 2 clamps to 255.
        assertThat(png.scanLines()[2 * stride + 1 + 6] & 0xff).isEqualTo(0);
        assertThat(png.scanLines()[2 * stride + 1 + 7] & 0xff).isEqualTo(128);
        assertThat(png.scanLines()[3 * stride + 1 + 6] & 0xff).isEqualTo(255);
        // The first image is black; the gap beside it is white; the empty fourth cell stays white.
        assertThat(png.scanLines()[2 * stride + 1 + 2] & 0xff).isEqualTo(0);
        assertThat(png.scanLines()[2 * stride + 1 + 4] & 0xff).isEqualTo(255);
        assertThat(png.scanLines()[6 * stride + 1 + 6] & 0xff).isEqualTo(255);
    }

    @Test
    void rgbImagesInterleaveTheirChannelPlanes() throws Exception {
        float[] red = {1f, 0f, 0f};
        Decoded png = decode(ImageGrid.encode(List.of(red), 3, 1, 1, 4));

        assertThat(png.colourType()).isEqualTo(2);
        assertThat(png.width()).isEqualTo(5);
        int stride = 1 + 5 * 3;
        int pixel = 2 * stride + 1 + 2 * 3;
        assertThat(new int[] {png.scanLines()[pixel] & 0xff, png.scanLines()[pixel + 1] & 0xff,
                png.scanLines()[pixel + 2] & 0xff}).containsExactly(255, 0, 0);
    }

    @Test
    void writesTheFileAndRejectsMisshapenImages(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("samples.png");
        ImageGrid.write(file, List.of(new float[4]), 1, 2, 2, 8);
        assertThat(decode(Files.readAllBytes(file)).width()).isEqualTo(6);

        assertThatThrownBy(() -> ImageGrid.encode(List.of(new float[3]), 1, 2, 2, 1))
                .hasMessageContaining("image 0 holds 3 values, expected 1 x 2 x 2 = 4");
        assertThatThrownBy(() -> ImageGrid.encode(List.of(new float[8]), 2, 2, 2, 1))
                .hasMessageContaining("1 (grey) or 3 (RGB) channels, got 2");
    }
}
