package dev.grove.generative.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Images laid out in a grid and written as a PNG file (8-bit grey for one channel, RGB for three),
 * the form in which generative runs show samples, reconstructions and interpolations. Written by
 * hand (a PNG is a signature, a header chunk, zlib-compressed rows and an end chunk) so the module
 * needs no desktop toolkit.
 *
 * <p>Each image is {@code channels × height × width} floats, row-major (the tensors' CHW layout),
 * with values in [0, 1]; values outside are clamped. Images are separated by a
 * {@value #GAP}-pixel white gap.
 */
public final class ImageGrid {

    /** Pixels of white between neighbouring images. */
    public static final int GAP = 2;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageGrid() {
    }

    /**
     * Writes {@code images} as a grid of {@code columns} images per row into {@code file}, through a
     * temporary file renamed into place so that a reader never sees half an image.
     *
     * @throws IllegalArgumentException if there are no images, the channels are not 1 or 3, or an
     *                                  image does not hold channels × height × width values
     * @throws IOException              if the file cannot be written
     */
    public static void write(Path file, List<float[]> images, int channels, int height, int width, int columns)
            throws IOException {
        byte[] png = encode(images, channels, height, width, columns);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // A sibling file (not createTempFile, whose owner-only permissions the image would keep).
        Path temporary = parent.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.write(temporary, png);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The PNG bytes of the grid {@link #write} writes. */
    public static byte[] encode(List<float[]> images, int channels, int height, int width, int columns) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("image grid: no images to show");
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("image grid: images need 1 (grey) or 3 (RGB) channels, got " + channels);
        }
        if (height < 1 || width < 1 || columns < 1) {
            throw new IllegalArgumentException("image grid: height, width and columns must be at least 1, got "
                    + height + ", " + width + ", " + columns);
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        int gridWidth = cols * width + (cols + 1) * GAP;
        int gridHeight = rows * height + (rows + 1) * GAP;
        int bytesPerPixel = channels;
        int stride = 1 + gridWidth * bytesPerPixel;
        byte[] raw = new byte[Math.multiplyExact(stride, gridHeight)];
        java.util.Arrays.fill(raw, (byte) 0xff);
        for (int y = 0; y < gridHeight; y++) {
            raw[y * stride] = 0; // filter type "none" for every scan line
        }
        int plane = height * width;
        for (int index = 0; index < images.size(); index++) {
            float[] image = images.get(index);
            if (image.length != channels * plane) {
                throw new IllegalArgumentException("image grid: image " + index + " holds " + image.length
                        + " values, expected " + channels + " x " + height + " x " + width + " = " + channels * plane);
            }
            int left = GAP + (index % cols) * (width + GAP);
            int top = GAP + (index / cols) * (height + GAP);
            for (int y = 0; y < height; y++) {
                int line = (top + y) * stride + 1;
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        raw[line + (left + x) * bytesPerPixel + c] = toByte(image[c * plane + y * width + x]);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(gridWidth).putInt(gridHeight).put((byte) 8).put((byte) (channels == 1 ? 0 : 2))
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte toByte(float value) {
        float clamped = Float.isNaN(value) ? 0f : Math.max(0f, Math.min(1f, value));
        return (byte) Math.round(clamped * 255f);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
