package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Test fixtures: sample models, a deep comparison, and hand-built (possibly hostile) model.grove files. */
final class ModelFiles {

    static final Instant FITTED_AT = Instant.parse("2024-05-01T12:34:56.123456789Z");

    private ModelFiles() {
    }

    /** A single-component model with arrays of every supported kind and awkward strings everywhere. */
    static ModelFile sample() {
        float[] cube = new float[8];
        for (int i = 0; i < cube.length; i++) {
            cube[i] = i * 0.25f - 1f;
        }
        ModelState state = ModelState.builder()
                .put("weights", new double[] {1.5, -2.25, 0.0, 1e-300, Double.MAX_VALUE, -0.0}, 2, 3)
                .put("bias", new float[] {0.5f, -1f, Float.MIN_VALUE}, 3)
                .add("scale", new ModelState.Array(new double[] {3.25}, null, new int[0]))
                .add("empty", new ModelState.Array(null, new float[0], new int[] {0, 4}))
                .put("cube", cube, 2, 2, 2)
                .put("special", new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}, 4)
                .put("naïve \"name\" 🌲", new float[] {7f}, 1)
                .attribute("looks-like-number", "1.5")
                .attribute("looks-like-bool", "true")
                .attribute("looks-like-null", "null")
                .attribute("empty", "")
                .attribute("multi-line", "line 1\nline 2\r\n\ttabbed")
                .attribute("control", "bell\u0007 and nul\u0000")
                .build();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("c", 1.0);
        params.put("max-iter", 200);
        params.put("penalty", "l2");
        params.put("fit-intercept", true);
        params.put("class-weight", null);
        params.put("hidden-sizes", List.of(64, 32));
        params.put("tol", 1e-5);
        params.put("big-seed", 7_000_000_000L);
        params.put("options", Map.of("nested", List.of(Map.of("deep", "yes: no"))));
        Schema schema = new Schema(List.of("sepal length", "petal: width", "'quoted'", "null", "ünïcødé 🌲", "- dash", "#hash"),
                "species", List.of("setosa", "versicolor", "true", "1"));
        Provenance provenance = new Provenance("logistic-regression", params, 42L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "0.1.0-SNAPSHOT", "17.0.15+6-Debian-1deb12u1",
                FITTED_AT);
        return new ModelFile("logistic-regression", params, List.of(), schema, provenance, state);
    }

    /** A fitted two-step pipeline, its arrays and attributes prefixed per step as PipelineModel does. */
    static ModelFile pipeline() {
        ModelState state = ModelState.builder()
                .put("step-0.mean", new double[] {5.8, 3.0}, 2)
                .put("step-0.scale", new double[] {0.8, 0.4}, 2)
                .put("step-1.coef", new double[] {0.1, -0.2, 0.3, -0.4, 0.5, -0.6}, 3, 2)
                .attribute("step-1.solver", "lbfgs")
                .build();
        Map<String, Object> scaler = new LinkedHashMap<>();
        scaler.put("component", "standard-scaler");
        scaler.put("params", Map.of());
        scaler.put("schema", Map.of("features", List.of("a", "b"), "classes", List.of()));
        Map<String, Object> logreg = new LinkedHashMap<>();
        logreg.put("component", "logistic-regression");
        logreg.put("params", Map.of("c", 0.5, "max-iter", 100));
        Schema schema = new Schema(List.of("a", "b"), "label", List.of("x", "y", "z"));
        Provenance provenance = new Provenance("pipeline", Map.of("pipeline", List.of("standard-scaler",
                Map.of("logistic-regression", Map.of("c", 0.5)))), -3L, "00ff", "0.1.0", "17", FITTED_AT);
        return new ModelFile("pipeline", Map.of(), List.of(scaler, logreg), schema, provenance, state);
    }

    /** A small model, for tests that read a file thousands of times. */
    static ModelFile tiny() {
        ModelState state = ModelState.builder()
                .put("w", new double[] {0.5, -1.5}, 2)
                .put("b", new float[] {2f}, 1)
                .attribute("kind", "demo")
                .build();
        Provenance provenance = new Provenance("kmeans", Map.of("k", 2), 7L, "abc", "0.1.0", "17", FITTED_AT);
        return new ModelFile("kmeans", Map.of("k", 2), List.of(), Schema.unlabelled(List.of("x", "y")), provenance, state);
    }

    /** Asserts that two models are the same, comparing arrays bit for bit (so NaN payloads and -0.0 count). */
    static void assertSameModel(ModelFile actual, ModelFile expected) {
        assertThat(actual.component()).isEqualTo(expected.component());
        assertThat(actual.params()).isEqualTo(expected.params());
        assertThat(actual.steps()).isEqualTo(expected.steps());
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(actual.provenance()).isEqualTo(expected.provenance());
        assertThat(new ArrayList<>(actual.state().attributes().entrySet()))
                .isEqualTo(new ArrayList<>(expected.state().attributes().entrySet()));
        assertThat(new ArrayList<>(actual.state().arrays().keySet())).isEqualTo(new ArrayList<>(expected.state().arrays().keySet()));
        expected.state().arrays().forEach((name, e) -> {
            ModelState.Array a = actual.state().arrays().get(name);
            assertThat(a.shape()).as("shape of %s", name).isEqualTo(e.shape());
            assertThat(a.isDouble()).as("dtype of %s", name).isEqualTo(e.isDouble());
            if (e.isDouble()) {
                assertThat(Arrays.stream(a.doubles()).mapToLong(Double::doubleToRawLongBits).toArray()).as("bits of %s", name)
                        .isEqualTo(Arrays.stream(e.doubles()).mapToLong(Double::doubleToRawLongBits).toArray());
            } else {
                int[] actualBits = new int[a.floats().length];
                int[] expectedBits = new int[e.floats().length];
                for (int i = 0; i < actualBits.length; i++) {
                    actualBits[i] = Float.floatToRawIntBits(a.floats()[i]);
                }
                for (int i = 0; i < expectedBits.length; i++) {
                    expectedBits[i] = Float.floatToRawIntBits(e.floats()[i]);
                }
                assertThat(actualBits).as("bits of %s", name).isEqualTo(expectedBits);
            }
        });
    }

    /** The uncompressed bytes of one entry of a zip file. */
    static byte[] entry(Path zipFile, String name) {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip holding {@code entries} in order, sealed as Grove seals its files (so that only what a
     * test changes on purpose is wrong); {@code stored} entries are not compressed.
     */
    static byte[] zip(Map<String, byte[]> entries, boolean stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(FileSeal.sealing(bytes))) {
            zip.setComment(FileSeal.PLACEHOLDER);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A model.grove with the given model.yaml text and tensors bytes. */
    static Path craft(Path file, String yaml, byte[] tensors) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        entries.put("tensors.safetensors", tensors);
        return write(file, zip(entries, false));
    }

    /** A model.grove whose model.yaml is hand-written, lists {@code tensorNames} and records the right checksum. */
    static Path craft(Path file, byte[] tensors, String... tensorNames) {
        return craft(file, yaml(String.join(", ", tensorNames), sha256(tensors)), tensors);
    }

    /** A hand-written model.yaml (independent of ModelYamlWriter) for a k-means model. */
    static String yaml(String tensorList, String sha256) {
        return """
                format: grove-model
                format-version: 1
                component: kmeans
                params: {k: 2}
                schema: {features: [x, y], target: null, classes: []}
                provenance:
                  component: kmeans
                  params: {k: 2}
                  seed: 7
                  data-fingerprint: abc
                  grove-version: 0.1.0
                  java-version: '17'
                  fitted-at: '2024-05-01T12:00:00Z'
                attributes: {}
                tensors: [%s]
                tensors-sha256: %s
                """.formatted(tensorList, sha256);
    }

    /** Safetensors bytes: the header padded with spaces to a multiple of 8, its length, then {@code data}. */
    static byte[] safetensors(String headerJson, byte[] data) {
        byte[] json = headerJson.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return safetensors(padded, header, data);
    }

    /** Safetensors bytes with an arbitrary declared header length. */
    static byte[] safetensors(long headerLength, byte[] header, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(headerLength).put(header).put(data);
        return b.array();
    }

    /** {@code values} as little-endian float64 bytes. */
    static byte[] f64(double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
