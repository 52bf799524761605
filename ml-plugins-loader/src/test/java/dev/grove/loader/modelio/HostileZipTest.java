package dev.grove.loader.modelio;

import static dev.grove.loader.modelio.ModelFiles.f64;
import static dev.grove.loader.modelio.ModelFiles.safetensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip-level hostility: not a zip, wrong entries, and entries that decompress to more than the limit. */
class HostileZipTest {

    private static final String W = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";

    @TempDir
    Path dir;

    private byte[] yaml;
    private byte[] tensors;

    @BeforeEach
    void goodEntries() {
        tensors = safetensors(W, f64(1, 2));
        yaml = ModelFiles.yaml("w", ModelFiles.sha256(tensors)).getBytes(StandardCharsets.UTF_8);
    }

    private Path zipOf(Map<String, byte[]> entries) {
        return ModelFiles.write(dir.resolve("hostile.grove"), ModelFiles.zip(entries, false));
    }

    private Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return m;
    }

    @Test
    void theGoodEntriesAlonePass() {
        assertThat(ModelFileReader.read(zipOf(entries("model.yaml", yaml, "tensors.safetensors", tensors))).state().doubles("w"))
                .containsExactly(1.0, 2.0);
    }

    @Test
    void notAZip() {
        Path text = ModelFiles.write(dir.resolve("text.grove"), "format: grove-model\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ModelFileReader.read(text)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(text + ": is not a valid zip archive");
        Path empty = ModelFiles.write(dir.resolve("empty.grove"), new byte[0]);
        assertThatThrownBy(() -> ModelFileReader.read(empty)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(empty + ": is not a valid zip archive");
    }

    @Test
    void missingFileOrDirectory() {
        Path missing = dir.resolve("nowhere.grove");
        assertThatThrownBy(() -> ModelFileReader.read(missing)).isInstanceOf(ModelFileException.class)
                .hasMessage(missing + ": does not exist");
        assertThatThrownBy(() -> ModelFileReader.read(dir)).isInstanceOf(ModelFileException.class)
                .hasMessage(dir + ": is not a regular file");
    }

    @Test
    void missingEntries() {
        Path noTensors = zipOf(entries("model.yaml", yaml));
        assertThatThrownBy(() -> ModelFileReader.read(noTensors)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(noTensors + ": has no tensors.safetensors entry");
        Path noYaml = zipOf(entries("tensors.safetensors", tensors));
        assertThatThrownBy(() -> ModelFileReader.read(noYaml)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(noYaml + ": has no model.yaml entry");
        Path emptyZip = zipOf(entries());
        assertThatThrownBy(() -> ModelFileReader.read(emptyZip)).isInstanceOf(ModelFileException.class);
    }

    @Test
    void extraEntries() {
        Path extra = zipOf(entries("model.yaml", yaml, "tensors.safetensors", tensors, "README.txt", new byte[] {1}));
        assertThatThrownBy(() -> ModelFileReader.read(extra)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(extra + ": holds an unexpected entry 'README.txt'");
        Path directory = zipOf(entries("model.yaml", yaml, "weights/", new byte[0], "tensors.safetensors", tensors));
        assertThatThrownBy(() -> ModelFileReader.read(directory)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("unexpected entry 'weights/'");
        Path traversal = zipOf(entries("../model.yaml", yaml, "tensors.safetensors", tensors));
        assertThatThrownBy(() -> ModelFileReader.read(traversal)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("unexpected entry '../model.yaml'");
    }

    @Test
    void duplicateEntries() {
        // ZipOutputStream refuses duplicate names, so write a look-alike and rename it in place.
        byte[] bytes = ModelFiles.zip(entries("model.yaml", yaml, "tensors.safetensors", tensors, "model.yamX", yaml), false);
        replaceAll(bytes, "model.yamX", "model.yaml");
        Path file = ModelFiles.write(dir.resolve("dup.grove"), bytes);
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": holds the entry 'model.yaml' more than once");
    }

    @Test
    void modelYamlOverTheLimitAsDeclared() throws Exception {
        byte[] big = (new String(yaml, StandardCharsets.UTF_8) + "#".repeat(20 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = zipOf(entries("model.yaml", big, "tensors.safetensors", tensors));
        assertThat(Files.size(file)).as("it compresses well").isLessThan(64 * 1024);
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": model.yaml is " + big.length + " bytes, more than the limit of 16777216 bytes");
    }

    /** A bomb that lies about its size in the zip directory: reading stops at the limit. */
    @Test
    void modelYamlBombWithAFalseDeclaredSize() throws Exception {
        byte[] bomb = new byte[64 << 20];
        byte[] bytes = ModelFiles.zip(entries("model.yaml", bomb, "tensors.safetensors", tensors), false);
        assertThat(bytes.length).as("64 MiB of zeros deflate to little").isLessThan(1 << 20);
        setDeclaredSize(bytes, "model.yaml", 300);
        Path file = ModelFiles.write(dir.resolve("bomb.grove"), bytes);
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": model.yaml holds more than the limit of 16777216 bytes, although the zip declares 300");
    }

    @Test
    void tensorsBombIsStoppedAtTheTensorsLimit() {
        ModelFileLimits small = new ModelFileLimits(1 << 20, 4096, 1024);
        byte[] bomb = new byte[1 << 20];
        byte[] bombYaml = ModelFiles.yaml("w", ModelFiles.sha256(bomb)).getBytes(StandardCharsets.UTF_8);
        Path declared = zipOf(entries("model.yaml", bombYaml, "tensors.safetensors", bomb));
        assertThatThrownBy(() -> ModelFileReader.read(declared, small)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("tensors.safetensors is 1048576 bytes, more than the limit of 4096 bytes");
        byte[] lying = ModelFiles.zip(entries("model.yaml", bombYaml, "tensors.safetensors", bomb), false);
        setDeclaredSize(lying, "tensors.safetensors", 100);
        Path file = ModelFiles.write(dir.resolve("lying.grove"), lying);
        assertThatThrownBy(() -> ModelFileReader.read(file, small)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("tensors.safetensors holds more than the limit of 4096 bytes, although the zip declares 100");
    }

    @Test
    void entryShorterThanDeclaredIsDamage() throws Exception {
        byte[] bytes = ModelFiles.zip(entries("model.yaml", yaml, "tensors.safetensors", tensors), false);
        setDeclaredSize(bytes, "model.yaml", yaml.length + 10);
        Path file = ModelFiles.write(dir.resolve("short.grove"), bytes);
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": model.yaml holds " + yaml.length + " bytes but the zip declares " + (yaml.length + 10));
    }

    /** Sets the uncompressed size of {@code name} in its central directory record (signature PK\1\2, size at +24). */
    private static void setDeclaredSize(byte[] zip, String name, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        for (int pos = 0; pos + 46 + nameBytes.length <= zip.length; pos++) {
            if (b.getInt(pos) == 0x02014b50 && Short.toUnsignedInt(b.getShort(pos + 28)) == nameBytes.length
                    && new String(zip, pos + 46, nameBytes.length, StandardCharsets.UTF_8).equals(name)) {
                b.putInt(pos + 24, size);
                return;
            }
        }
        throw new AssertionError("no central directory record for " + name);
    }

    private static void replaceAll(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        int replaced = 0;
        for (int i = 0; i + f.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, bytes, i, t.length);
                replaced++;
            }
        }
        assertThat(replaced).as("local and central headers").isEqualTo(2);
    }
}
