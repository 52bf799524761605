package dev.grove.loader.modelio;

import static dev.grove.loader.modelio.ModelFiles.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Provenance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ModelFileRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void singleComponentModelComesBackIdentical() {
        ModelFile original = ModelFiles.sample();
        Path file = dir.resolve("model.grove");
        ModelFileWriter.write(file, original);
        assertSameModel(ModelFileReader.read(file), original);
    }

    @Test
    void pipelineComesBackIdenticalWithItsSteps() {
        ModelFile original = ModelFiles.pipeline();
        Path file = dir.resolve("model.grove");
        ModelFileWriter.write(file, original);
        ModelFile read = ModelFileReader.read(file);
        assertSameModel(read, original);
        assertThat(read.isPipeline()).isTrue();
        assertThat(read.params()).isEmpty();
        assertThat(read.steps()).extracting(s -> s.get("component")).containsExactly("standard-scaler", "logistic-regression");
        assertThat(read.steps().get(1).get("params")).isEqualTo(Map.of("c", 0.5, "max-iter", 100));
    }

    @Test
    void arraysLargerThanOneBufferRoundTrip() {
        int n = 100_003;
        double[] d = new double[n];
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.sin(i) * 1e6;
            f[i] = (float) Math.cos(i);
        }
        ModelFile tiny = ModelFiles.tiny();
        ModelState state = ModelState.builder().put("d", d, n).put("f", f, 1, n).build();
        ModelFile original = new ModelFile("kmeans", Map.of(), List.of(), tiny.schema(), tiny.provenance(), state);
        Path file = dir.resolve("big.grove");
        ModelFileWriter.write(file, original);
        assertSameModel(ModelFileReader.read(file), original);
    }

    @Test
    void modelWithoutArraysRoundTrips() {
        ModelFile tiny = ModelFiles.tiny();
        ModelState state = ModelState.builder().attribute("only", "attributes").build();
        ModelFile original = new ModelFile("identity", Map.of(), List.of(), tiny.schema(), tiny.provenance(), state);
        Path file = dir.resolve("m.grove");
        ModelFileWriter.write(file, original);
        assertSameModel(ModelFileReader.read(file), original);
    }

    @Test
    void zipHoldsExactlyTheTwoEntriesTensorsStoredUncompressed() throws Exception {
        Path file = dir.resolve("model.grove");
        ModelFileWriter.write(file, ModelFiles.tiny());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("model.yaml", "tensors.safetensors");
            assertThat(zip.getEntry("tensors.safetensors").getMethod()).isEqualTo(ZipEntry.STORED);
        }
    }

    @Test
    void modelYamlIsPlainReadableYamlWithTheChecksumOfTheTensors() {
        Path file = dir.resolve("model.grove");
        ModelFile sample = ModelFiles.sample();
        ModelFileWriter.write(file, sample);
        String yaml = new String(ModelFiles.entry(file, "model.yaml"), StandardCharsets.UTF_8);
        // No tags (no Java class can be named), no anchors or aliases (params and provenance.params
        // were the same map instance in the sample).
        assertThat(yaml).doesNotContain("!!").doesNotContain("&id").doesNotContain("*id");
        assertThat(yaml).startsWith("format: grove-model\nformat-version: 1\ncomponent: logistic-regression\n");
        Map<String, Object> doc = new Yaml().load(yaml);
        assertThat(doc.get("tensors-sha256")).isEqualTo(ModelFiles.sha256(ModelFiles.entry(file, "tensors.safetensors")));
        assertThat(doc.get("tensors")).isEqualTo(List.of("weights", "bias", "scale", "empty", "cube", "special", "naïve \"name\" 🌲"));
        assertThat(doc.get("schema")).isEqualTo(Map.of(
                "features", List.of("sepal length", "petal: width", "'quoted'", "null", "ünïcødé 🌲", "- dash", "#hash"),
                "target", "species",
                "classes", List.of("setosa", "versicolor", "true", "1"),
                "sample-shape", List.of(7)));
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = (Map<String, Object>) doc.get("provenance");
        assertThat(provenance).containsEntry("seed", 42).containsEntry("fitted-at", "2024-05-01T12:34:56.123456789Z")
                .containsEntry("java-version", "17.0.15+6-Debian-1deb12u1");
        assertThat(doc.get("attributes")).isEqualTo(sample.state().attributes());
    }

    @Test
    void paramsComeBackAsTheYamlTypesTheyWereWrittenAs() {
        ModelFile tiny = ModelFiles.tiny();
        Map<String, Object> params = Map.of("a-float", 0.1f, "small-long", 5L);
        ModelFile original = new ModelFile("kmeans", params, List.of(), tiny.schema(), tiny.provenance(), tiny.state());
        Path file = dir.resolve("m.grove");
        ModelFileWriter.write(file, original);
        // YAML has one integer and one float type: small longs read back as Integer, floats as Double.
        assertThat(ModelFileReader.read(file).params()).isEqualTo(Map.of("a-float", 0.1, "small-long", 5));
    }

    @Test
    void unlabelledSchemaAndNegativeSeedRoundTrip() {
        Schema schema = Schema.unlabelled(List.of("only"));
        Provenance provenance = new Provenance("kmeans", Map.of(), Long.MIN_VALUE, "f", "g", "j", ModelFiles.FITTED_AT);
        ModelFile original = new ModelFile("kmeans", Map.of(), List.of(), schema, provenance, ModelFiles.tiny().state());
        Path file = dir.resolve("m.grove");
        ModelFileWriter.write(file, original);
        assertSameModel(ModelFileReader.read(file), original);
    }
}
