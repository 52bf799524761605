package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.grove.api.model.ModelState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsEncodingTest {

    @TempDir
    Path dir;

    /** "ab": F32 [1, -2]; "s": F64 scalar 0.5. */
    private static ModelState tinyState() {
        return ModelState.builder()
                .put("ab", new float[] {1f, -2f}, 2)
                .add("s", new ModelState.Array(new double[] {0.5}, null, new int[0]))
                .build();
    }

    /**
     * Worked out by hand from the safetensors format description: the compact header is 142 bytes,
     * padded with 2 spaces to 144 = 0x90; 1.0f = 0x3F800000, -2.0f = 0xC0000000, 0.5 = 0x3FE0000000000000,
     * all little-endian.
     */
    private static final byte[] TINY_EXPECTED = concat(
            new byte[] {(byte) 0x90, 0, 0, 0, 0, 0, 0, 0},
            ("{\"ab\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                    + "\"s\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]},"
                    + "\"__metadata__\":{\"format\":\"grove\"}}  ").getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, (byte) 0x80, 0x3F, 0, 0, 0, (byte) 0xC0},
            new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xE0, 0x3F});

    @Test
    void encodesATinyStateByteForByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SafetensorsEncoder.write(tinyState(), out);
        assertThat(TINY_EXPECTED).hasSize(8 + 144 + 16);
        assertThat(out.toByteArray()).isEqualTo(TINY_EXPECTED);
    }

    @Test
    void theModelFileStoresExactlyThoseBytes() {
        ModelFile tiny = ModelFiles.tiny();
        Path file = dir.resolve("m.grove");
        ModelFileWriter.write(file, new ModelFile("kmeans", Map.of(), List.of(), tiny.schema(), tiny.provenance(), tinyState()));
        assertThat(ModelFiles.entry(file, "tensors.safetensors")).isEqualTo(TINY_EXPECTED);
    }

    @Test
    void decodesTheHandWrittenBytes() throws IOException {
        Map<String, ModelState.Array> arrays = SafetensorsDecoder.decode(new ByteArrayInputStream(TINY_EXPECTED),
                TINY_EXPECTED.length, ModelFileLimits.DEFAULT.maxHeaderBytes());
        assertThat(arrays.keySet()).containsExactly("ab", "s");
        assertThat(arrays.get("ab").floats()).containsExactly(1f, -2f);
        assertThat(arrays.get("ab").shape()).containsExactly(2);
        assertThat(arrays.get("s").doubles()).containsExactly(0.5);
        assertThat(arrays.get("s").shape()).isEmpty();
    }

    @Test
    void escapesNamesInTheHeader() {
        ModelState state = ModelState.builder().put("q\"b\\s\nc\u0001é🌲", new float[0], 0).build();
        String header = new String(SafetensorsEncoder.header(state), StandardCharsets.UTF_8);
        assertThat(header).startsWith("{\"q\\\"b\\\\s\\nc\\u0001é🌲\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]},");
        assertThat(header.getBytes(StandardCharsets.UTF_8).length % 8).isZero();
    }

    @Test
    void refusesNamesSafetensorsCannotHold() {
        ModelState reserved = ModelState.builder().put("__metadata__", new double[] {1}, 1).build();
        assertThatThrownBy(() -> SafetensorsEncoder.header(reserved)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("__metadata__");
        ModelState surrogate = ModelState.builder().put("bad\uD800", new double[] {1}, 1).build();
        assertThatThrownBy(() -> SafetensorsEncoder.header(surrogate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    /**
     * Reads a written file with Python's own json and struct modules, following the format
     * description (the safetensors package itself is not installable here). Skipped without python3.
     */
    @Test
    void pythonReadsTheTensorsAsTheFormatDescribes() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeThat(Files.isExecutable(python)).as("python3 is installed").isTrue();
        ModelFile tiny = ModelFiles.tiny();
        ModelState state = ModelState.builder()
                .put("weights", new double[] {1.5, -2.25, 0.0, 1e-300, 6.0, 7.0}, 2, 3)
                .put("bias", new float[] {0.5f, -1f, 0.375f}, 3)
                .add("scale", new ModelState.Array(new double[] {3.25}, null, new int[0]))
                .add("empty", new ModelState.Array(null, new float[0], new int[] {0, 4}))
                .put("odd \"name\" é", new float[] {7f}, 1)
                .build();
        Path file = dir.resolve("m.grove");
        ModelFileWriter.write(file, new ModelFile("kmeans", Map.of(), List.of(), tiny.schema(), tiny.provenance(), state));
        Path tensors = Files.write(dir.resolve("t.safetensors"), ModelFiles.entry(file, "tensors.safetensors"));
        String script = """
                import json, struct, sys
                b = open(sys.argv[1], 'rb').read()
                n = struct.unpack('<Q', b[:8])[0]
                assert n % 8 == 0 and 8 + n <= len(b)
                header = json.loads(b[8:8 + n].decode('utf-8'))
                print('metadata', json.dumps(header.pop('__metadata__'), sort_keys=True))
                data = b[8 + n:]
                pos = 0
                for name, info in sorted(header.items(), key=lambda kv: kv[1]['data_offsets']):
                    begin, end = info['data_offsets']
                    assert begin == pos, 'not contiguous'
                    pos = end
                    count = 1
                    for d in info['shape']:
                        count *= d
                    code = {'F64': 'd', 'F32': 'f'}[info['dtype']]
                    values = struct.unpack('<%d%s' % (count, code), data[begin:end])
                    print(json.dumps(name), info['dtype'], info['shape'], ' '.join(repr(v) for v in values))
                assert pos == len(data), 'data not covered'
                """;
        Process p = new ProcessBuilder(python.toString(), "-c", script, tensors.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output.lines()).containsExactly(
                "metadata {\"format\": \"grove\"}",
                "\"weights\" F64 [2, 3] 1.5 -2.25 0.0 1e-300 6.0 7.0",
                "\"bias\" F32 [3] 0.5 -1.0 0.375",
                "\"scale\" F64 [] 3.25",
                "\"empty\" F32 [0, 4] ",
                "\"odd \\\"name\\\" \\u00e9\" F32 [1] 7.0");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
