package dev.grove.loader.modelio;

import static dev.grove.loader.modelio.ModelFiles.f64;
import static dev.grove.loader.modelio.ModelFiles.safetensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-crafted tensors.safetensors entries, each in a zip whose model.yaml records the matching
 * SHA-256, so only the safetensors checks stand between them and the reader.
 */
class HostileSafetensorsTest {

    private static final String W = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] tensors, String... names) {
        Path file = ModelFiles.craft(dir.resolve("hostile.grove"), tensors, names.length == 0 ? new String[] {"w"} : names);
        return assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": tensors.safetensors");
    }

    @Test
    void aWellFormedHandMadeFileIsAccepted() {
        // No __metadata__, as other tools may write it: optional in the format.
        Path file = ModelFiles.craft(dir.resolve("ok.grove"), safetensors(W, f64(1.0, Double.NaN)), "w");
        ModelFile read = ModelFileReader.read(file);
        assertThat(read.state().doubles("w", 2)).containsExactly(1.0, Double.NaN);
        assertThat(read.component()).isEqualTo("kmeans");
    }

    @Test
    void tensorsMayBeDeflatedByOtherTools() {
        byte[] tensors = safetensors(W, f64(3.0, 4.0));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.yaml", ModelFiles.yaml("w", ModelFiles.sha256(tensors)).getBytes(StandardCharsets.UTF_8));
        entries.put("tensors.safetensors", tensors);
        Path file = ModelFiles.write(dir.resolve("deflated.grove"), ModelFiles.zip(entries, false));
        assertThat(ModelFileReader.read(file).state().doubles("w")).containsExactly(3.0, 4.0);
    }

    @Test
    void tooShortForTheHeaderLength() {
        assertRefused(new byte[] {8, 0, 0}).hasMessageContaining("truncated").hasMessageContaining("holds 3 bytes");
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 18446744073709551615",
        "200000000, 200000000",
        "100000008, 100000008",
    })
    void headerLengthOverTheLimit(long length, String shown) {
        assertRefused(safetensors(length, new byte[8], new byte[0]))
                .hasMessageContaining("header length " + shown + " exceeds the limit of 100000000 bytes");
    }

    @Test
    void headerLengthLargerThanTheFile() {
        assertRefused(safetensors(4096, "{}      ".getBytes(StandardCharsets.US_ASCII), new byte[0]))
                .hasMessageContaining("is truncated: the header length is 4096 bytes but only 8 bytes follow it");
    }

    @Test
    void headerLengthNotAMultipleOf8() {
        byte[] json = "{\"w\":{\"dtype\":\"F64\",\"shape\":[0],\"data_offsets\":[0,0]}}".getBytes(StandardCharsets.US_ASCII);
        assertThat(json.length % 8).isNotZero();
        assertRefused(safetensors(json.length, json, new byte[0]))
                .hasMessageContaining("header length " + json.length + " is not a multiple of 8");
    }

    @Test
    void headerThatIsNotAnObject() {
        assertRefused(safetensors("[]", new byte[0])).hasMessageContaining("must be a JSON object starting with '{'");
        assertRefused(safetensors(8, "        ".getBytes(StandardCharsets.US_ASCII), new byte[0]))
                .hasMessageContaining("must be a JSON object starting with '{'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16],}}  | expected a string key",
        "{'w':{}}                                                         | expected a string key",
        "{\"w\":{\"dtype\":\"F64\",\"shape\":[02],\"data_offsets\":[0,16]}}  | leading zeros",
        "{\"w\":{\"dtype\":\"F64\",\"shape\":[NaN],\"data_offsets\":[0,16]}} | expected a JSON value",
        "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}    | expected ',' or '}'",
        "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}}  | after the end of the JSON value",
        "{\"\\ud800\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}} | unpaired surrogate",
    })
    void invalidJson(String header, String problem) {
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("has an invalid header: invalid JSON at character")
                .hasMessageContaining(problem);
    }

    @Test
    void headerThatIsNotUtf8() {
        // 0xFF never occurs in UTF-8.
        byte[] header = "{\"w\u00ff\":{}}       ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(header).hasSize(16);
        assertRefused(safetensors(header.length, header, new byte[0])).hasMessageContaining("header is not valid UTF-8");
    }

    @Test
    void duplicateTensorNames() {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("duplicate key \"w\"");
    }

    @ParameterizedTest
    @CsvSource({"I64", "F16", "BF16", "f64", "U8", "BOOL"})
    void unknownDtype(String dtype) {
        String header = "{\"w\":{\"dtype\":\"" + dtype + "\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("tensor \"w\" has unsupported dtype \"" + dtype
                + "\" (Grove reads F64 and F32)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[-2]           | dimension -2",
        "[2.0]          | dimension 2.0",
        "[\"2\"]        | dimension \"2\"",
        "[2147483648]   | dimension 2147483648",
        "2              | shape must be a list",
    })
    void badShape(String shape, String problem) {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":" + shape + ",\"data_offsets\":[0,16]}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining(problem);
    }

    @Test
    void shapeTooLargeForAnArray() {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2147483647,2147483647,2],\"data_offsets\":[0,16]}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("more than 2147483639 elements");
    }

    @Test
    void shapeThatDoesNotMatchTheByteSpan() {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[0,16]}}";
        assertRefused(safetensors(header, f64(1, 2)))
                .hasMessageContaining("tensor \"w\" has shape [3] of F64, which needs 24 bytes, but its data_offsets [0, 16] span 16");
        String f32 = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,16]}}";
        assertRefused(safetensors(f32, f64(1, 2))).hasMessageContaining("which needs 8 bytes");
    }

    @Test
    void overlappingOffsets() {
        String header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]}}";
        assertRefused(safetensors(header, f64(1, 2, 3)), "a", "b")
                .hasMessageContaining("tensor \"b\" (data_offsets [8, 24]) overlaps the tensor before it, which ends at 16");
    }

    @Test
    void gapBetweenTensors() {
        String header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]}}";
        assertRefused(safetensors(header, f64(1, 2, 3)), "a", "b").hasMessageContaining("leaves a gap of 8 bytes");
    }

    @Test
    void dataThatDoesNotStartAtZero() {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("tensor \"w\" (data_offsets [8, 16]) leaves a gap of 8 bytes");
    }

    @Test
    void offsetsBeyondTheData() {
        assertRefused(safetensors(W, f64(1)))
                .hasMessageContaining("tensors.safetensors is truncated: the header says 16 bytes of data, found 8");
    }

    @Test
    void dataNotCoveredByTheHeader() {
        assertRefused(safetensors(W, f64(1, 2, 3))).hasMessageContaining("has 8 bytes of data after the last tensor, which ends at 16");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[16,0]", "[0,16,24]", "[0]", "[-8,8]", "[0,16.0]", "\"0,16\"",
    })
    void malformedOffsets(String offsets) {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":" + offsets + "}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("data_offsets must be [begin, end] with 0 <= begin <= end");
    }

    @Test
    void unknownOrMissingKeysInATensor() {
        String extra = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16],\"x\":1}}";
        assertRefused(safetensors(extra, f64(1, 2))).hasMessageContaining("must have exactly the keys dtype, shape and data_offsets");
        String missing = "{\"w\":{\"dtype\":\"F64\",\"data_offsets\":[0,16]}}";
        assertRefused(safetensors(missing, f64(1, 2))).hasMessageContaining("must have exactly the keys dtype, shape and data_offsets");
        String notObject = "{\"w\":[1]}";
        assertRefused(safetensors(notObject, f64(1, 2))).hasMessageContaining("tensor \"w\" must be described by an object");
    }

    @Test
    void metadataMustMapToStrings() {
        String header = "{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},\"__metadata__\":{\"format\":1}}";
        assertRefused(safetensors(header, f64(1, 2))).hasMessageContaining("__metadata__ must map names to strings");
    }

    @Test
    void deeplyNestedHeader() {
        String header = "{\"w\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertRefused(safetensors(header, new byte[0])).hasMessageContaining("nested more than");
    }

    @Test
    void hugeNamesAreCutShortInMessages() {
        String header = "{\"" + "n".repeat(1_000_000) + "\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        Path file = ModelFiles.craft(dir.resolve("long.grove"), safetensors(header, f64(1)), "w");
        Throwable thrown = catchThrowable(() -> ModelFileReader.read(file));
        assertThat(thrown).isInstanceOf(ModelFileException.class).hasMessageContaining("... (1000002 characters) has unsupported dtype");
        assertThat(thrown.getMessage().length()).isLessThan(file.toString().length() + 400);
    }

    @Test
    void abbreviationNeverSplitsASurrogatePair() {
        String text = "a".repeat(PlainValues.SHOWN_CHARS - 1) + "🌲" + "b".repeat(10);
        assertThat(PlainValues.abbreviate(text)).isEqualTo("a".repeat(PlainValues.SHOWN_CHARS - 1) + "... (211 characters)");
        assertThat(PlainValues.abbreviate("short")).isEqualTo("short");
    }

    @Test
    void tensorsListInModelYamlMustMatchTheHeader() {
        Path missing = ModelFiles.craft(dir.resolve("a.grove"), safetensors(W, f64(1, 2)), "w", "v");
        assertThatThrownBy(() -> ModelFileReader.read(missing)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("model.yaml and tensors.safetensors disagree").hasMessageContaining("missing from the header: [v]");
        String two = "{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},\"u\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        Path unlisted = ModelFiles.craft(dir.resolve("b.grove"), safetensors(two, f64(1, 2)), "w");
        assertThatThrownBy(() -> ModelFileReader.read(unlisted)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not listed in model.yaml: [u]");
        Path twice = ModelFiles.craft(dir.resolve("c.grove"), safetensors(W, f64(1, 2)), "w", "w");
        assertThatThrownBy(() -> ModelFileReader.read(twice)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("model.yaml: tensors lists 'w' twice");
    }

    @Test
    void emptyAndScalarTensorsAreAccepted() {
        String header = "{\"e\":{\"dtype\":\"F32\",\"shape\":[3,0],\"data_offsets\":[0,0]},"
                + "\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}}";
        Path file = ModelFiles.craft(dir.resolve("ok.grove"), safetensors(header, f64(-4.5)), "s", "e");
        ModelFile read = ModelFileReader.read(file);
        assertThat(read.state().arrays().keySet()).containsExactly("s", "e");
        assertThat(read.state().doubles("s")).containsExactly(-4.5);
        assertThat(read.state().shape("s")).isEmpty();
        assertThat(read.state().floats("e", 3, 0)).isEmpty();
    }
}
