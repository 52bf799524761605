package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage a good file every way a disk or a transfer can: each must be refused with a ModelFileException. */
class ModelFileDamageTest {

    @TempDir
    Path dir;

    private byte[] good;

    @BeforeEach
    void writeAGoodFile() {
        Path file = dir.resolve("good.grove");
        ModelFileWriter.write(file, ModelFiles.tiny());
        good = ModelFiles.read(file);
    }

    @Test
    void everyTruncationIsRefused() {
        Path file = dir.resolve("cut.grove");
        List<String> wrong = new ArrayList<>();
        for (int length = 0; length < good.length; length++) {
            ModelFiles.write(file, Arrays.copyOf(good, length));
            try {
                ModelFileReader.read(file);
                wrong.add(length + ": read without error");
            } catch (ModelFileException e) {
                if (!e.getMessage().startsWith(file + ": ")) {
                    wrong.add(length + ": message does not start with the file: " + e.getMessage());
                }
            } catch (RuntimeException e) {
                wrong.add(length + ": " + e);
            }
        }
        assertThat(wrong).as("truncations not refused with a ModelFileException").isEmpty();
    }

    /**
     * Flips bits all over the file, one at a time. A flip inside either entry's data must be refused;
     * a flip elsewhere must be refused too, or land in a zip field that does not affect the content
     * (a timestamp, say) and give back exactly the same model: never a different model, never another
     * exception type.
     */
    @Test
    void everySingleBitFlipIsRefused() throws Exception {
        Path file = dir.resolve("flipped.grove");
        List<String> wrong = new ArrayList<>();
        for (int offset = 0; offset < good.length; offset++) {
            // Two of the eight bits of each byte, rotating, keeps the test fast and still hits every bit position.
            for (int bit : new int[] {offset % 8, (offset + 4) % 8}) {
                byte[] damaged = good.clone();
                damaged[offset] ^= (byte) (1 << bit);
                ModelFiles.write(file, damaged);
                try {
                    ModelFileReader.read(file);
                    // The whole-file seal covers zip bookkeeping too, so no flip is harmless.
                    wrong.add("offset " + offset + " bit " + bit + ": read without error");
                } catch (ModelFileException e) {
                    if (!e.getMessage().startsWith(file + ": ")) {
                        wrong.add("offset " + offset + ": message does not start with the file: " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    wrong.add("offset " + offset + " bit " + bit + ": " + e);
                }
            }
        }
        assertThat(wrong).as("bit flips not refused with a ModelFileException").isEmpty();
    }

    @Test
    void aFlippedBitInTheStoredTensorsIsACrcFailure() {
        long[] tensors = entryDataRanges(good, dir.resolve("good.grove")).get(1);
        byte[] damaged = good.clone();
        damaged[(int) tensors[1] - 3] ^= 0x10;
        Path file = ModelFiles.write(dir.resolve("bad.grove"), damaged);
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": tensors.safetensors fails its CRC-32 check")
                .hasMessageEndingWith("the file is damaged");
    }

    /**
     * A flipped bit that the zip layer cannot see (the entry was re-zipped after the damage, so its
     * CRC-32 matches) is caught by the SHA-256 recorded in model.yaml, wherever it is.
     */
    @Test
    void damageBehindAValidCrcIsAChecksumMismatch() {
        byte[] yaml = ModelFiles.entry(dir.resolve("good.grove"), "model.yaml");
        byte[] tensors = ModelFiles.entry(dir.resolve("good.grove"), "tensors.safetensors");
        int[] offsets = {0, 3, 8, 20, tensors.length - 17, tensors.length - 9, tensors.length - 1};
        for (int offset : offsets) {
            byte[] damaged = tensors.clone();
            damaged[offset] ^= 0x01;
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("model.yaml", yaml);
            entries.put("tensors.safetensors", damaged);
            Path file = ModelFiles.write(dir.resolve("rezipped-" + offset + ".grove"), ModelFiles.zip(entries, true));
            assertThatThrownBy(() -> ModelFileReader.read(file)).as("flip at %d", offset).isInstanceOf(ModelFileException.class)
                    .hasMessageStartingWith(file + ": checksum mismatch")
                    .hasMessageEndingWith("the file is damaged");
        }
    }

    @Test
    void aValueChangedInsideModelYamlIsCaughtByTheCrc() {
        byte[] damaged = good.clone();
        // model.yaml is the first entry; its deflated data starts right after the 30-byte local header and the name.
        damaged[30 + "model.yaml".length() + 5] ^= 0x04;
        Path file = ModelFiles.write(dir.resolve("bad.grove"), damaged);
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": model.yaml").hasMessageContaining("damaged");
    }

    /**
     * [start, end) of each entry's stored data whose every bit is content, found by walking the local file headers (signature,
     * 30 fixed bytes, name, extra field) and taking each entry's compressed size from the directory.
     */
    private static List<long[]> entryDataRanges(byte[] zipBytes, Path zipFile) {
        ByteBuffer b = ByteBuffer.wrap(zipBytes).order(ByteOrder.LITTLE_ENDIAN);
        List<long[]> ranges = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            int pos = 0;
            for (String name : List.of("model.yaml", "tensors.safetensors")) {
                while (b.getInt(pos) != 0x04034b50) {
                    pos++;
                }
                int nameLength = Short.toUnsignedInt(b.getShort(pos + 26));
                int extraLength = Short.toUnsignedInt(b.getShort(pos + 28));
                assertThat(new String(zipBytes, pos + 30, nameLength, StandardCharsets.UTF_8)).isEqualTo(name);
                long start = pos + 30L + nameLength + extraLength;
                long end = start + zip.getEntry(name).getCompressedSize();
                // A deflate stream ends mid-byte: the unused high bits of its last byte are padding
                // that carries no content, so flips there may be harmless (and must then change nothing).
                boolean deflated = zip.getEntry(name).getMethod() == ZipEntry.DEFLATED;
                ranges.add(new long[] {start, deflated ? end - 1 : end});
                pos = (int) end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ranges;
    }
}
