package dev.grove.loader.modelio;

import static dev.grove.loader.modelio.ModelFiles.f64;
import static dev.grove.loader.modelio.ModelFiles.safetensors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** model.yaml files that are valid zip entries but wrong, hostile, or from another format version. */
class ModelYamlRejectionTest {

    @TempDir
    Path dir;

    private byte[] tensors;
    private String good;

    @BeforeEach
    void goodParts() {
        tensors = safetensors("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}", f64(1, 2));
        good = ModelFiles.yaml("w", ModelFiles.sha256(tensors));
    }

    private Path file(String yaml) {
        return ModelFiles.craft(dir.resolve("model.grove"), yaml, tensors);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String yaml) {
        Path file = file(yaml);
        return assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": model.yaml");
    }

    /** The good document with one line replaced (the line must exist). */
    private String replace(String line, String replacement) {
        assertThat(good).contains(line);
        return good.replace(line, replacement);
    }

    @Test
    void theUnchangedDocumentIsAccepted() {
        ModelFile read = ModelFileReader.read(file(good));
        assertThat(read.params()).isEqualTo(Map.of("k", 2));
        assertThat(read.provenance().seed()).isEqualTo(7L);
    }

    @Test
    void wrongFormat() {
        assertRefused(replace("format: grove-model", "format: onnx"))
                .hasMessageEndingWith("model.yaml: format is the string 'onnx', expected 'grove-model' (is this a model.grove file?)");
        assertRefused(replace("format: grove-model\n", "")).hasMessageContaining("format is null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2      | the number 2",
        "\"1\"  | the string '1'",
        "1.0    | the number 1.0",
        "0      | the number 0",
    })
    void unsupportedFormatVersion(String version, String shown) {
        assertRefused(replace("format-version: 1", "format-version: " + version))
                .hasMessageEndingWith("model.yaml: unsupported format-version: " + shown + " (this Grove reads version 1)");
    }

    @Test
    void versionIsCheckedBeforeTheRestOfTheDocument() {
        assertRefused("format: grove-model\nformat-version: 2\nweights-v2: {}\n").hasMessageContaining("unsupported format-version");
    }

    @Test
    void unknownOrMissingKeys() {
        assertRefused(good + "extra: 1\n").hasMessageContaining("unknown key 'extra'");
        assertRefused(replace("attributes: {}\n", "")).hasMessageContaining("'attributes' is missing");
        assertRefused(replace("  grove-version: 0.1.0\n", "")).hasMessageContaining("'provenance.grove-version' is missing");
        assertRefused(replace("schema: {features: [x, y], target: null, classes: []}", "schema: {features: [x, y], classes: []}"))
                .hasMessageContaining("'schema.target' is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "schema: {features: x, target: null, classes: []}            | schema.features must be a list of strings, found the string 'x'",
        "schema: {features: [x, 3], target: null, classes: []}       | schema.features[1] must be a string, found the number 3",
        "schema: {features: [x, x], target: null, classes: []}       | feature names must be unique",
        "schema: {features: [x, y], target: 5, classes: []}          | schema.target must be a string, found the number 5",
        "schema: {features: [x, y], target: null, classes: {a: b}}   | schema.classes must be a list of strings, found a map",
        "schema: [x, y]                                              | schema must be a map, found a list",
    })
    void malformedSchema(String line, String problem) {
        assertRefused(replace("schema: {features: [x, y], target: null, classes: []}", line)).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "seven                | provenance.seed must be a whole number that fits in 64 bits, found the string 'seven'",
        "1.5                  | provenance.seed must be a whole number that fits in 64 bits, found the number 1.5",
        "99999999999999999999 | provenance.seed must be a whole number that fits in 64 bits",
        "null                 | provenance.seed must be a whole number that fits in 64 bits, found null",
    })
    void malformedSeed(String seed, String problem) {
        assertRefused(replace("  seed: 7", "  seed: " + seed)).hasMessageContaining(problem);
    }

    @Test
    void largestSeedIsAccepted() {
        assertThat(ModelFileReader.read(file(replace("  seed: 7", "  seed: -9223372036854775808"))).provenance().seed())
                .isEqualTo(Long.MIN_VALUE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'yesterday'            | provenance.fitted-at 'yesterday' is not an ISO-8601 instant",
        "'2024-13-01T00:00:00Z' | provenance.fitted-at '2024-13-01T00:00:00Z' is not an ISO-8601 instant",
        "2024-05-01T12:00:00Z   | provenance.fitted-at must be a string, found a value of type java.util.Date",
    })
    void malformedFittedAt(String value, String problem) {
        assertRefused(replace("  fitted-at: '2024-05-01T12:00:00Z'", "  fitted-at: " + value)).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "params: {maxIter: 2}              | params key 'maxIter' is not kebab-case",
        "params: {k: !!binary AAEC}        | params.k is a value of type [B",
        "params: {k: !!set {a, b}}         | params.k is a value of type java.util.LinkedHashSet",
        "params: [k]                       | params must be a map, found a list",
        "params: {1: a}                    | params has the key the number 1; keys must be strings",
        "component: LogReg                 | component must be a kebab-case component name",
        "component: pipeline               | unknown key 'params.k' (expected [steps])",
    })
    void malformedComponentOrParams(String line, String problem) {
        String yaml = line.startsWith("component") ? replace("component: kmeans", line) : replace("params: {k: 2}", line);
        assertRefused(yaml).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "params: {steps: []}                                 | params.steps of a pipeline must be a non-empty list",
        "params: {steps: [{component: a, params: {}}], x: 1} | unknown key 'params.x'",
        "params: {steps: [{params: {}}]}                     | steps[0].component must be a component name, found null",
        "params: {steps: [{component: a}]}                   | steps[0].params must be a map, found null",
        "params: {steps: [{component: a, params: {bAd: 1}}]} | steps[0].params key 'bAd' is not kebab-case",
        "params: {steps: [a]}                                | params.steps[0] must be a map, found the string 'a'",
    })
    void malformedPipeline(String line, String problem) {
        assertRefused(replace("component: kmeans", "component: pipeline").replace("params: {k: 2}", line)).hasMessageContaining(problem);
    }

    @Test
    void pipelineStepsAreRead() {
        String yaml = replace("component: kmeans", "component: pipeline")
                .replace("params: {k: 2}", "params: {steps: [{component: scaler, params: {}}, {component: kmeans, params: {k: 2}}]}");
        ModelFile read = ModelFileReader.read(file(yaml));
        assertThat(read.steps()).containsExactly(Map.of("component", "scaler", "params", Map.of()),
                Map.of("component", "kmeans", "params", Map.of("k", 2)));
    }

    @Test
    void malformedAttributesTensorsOrChecksum() {
        assertRefused(replace("attributes: {}", "attributes: {a: 1}")).hasMessageContaining("attributes.a must be a string, found the number 1");
        assertRefused(replace("tensors: [w]", "tensors: w")).hasMessageContaining("tensors must be a list of strings");
        assertRefused(replace("tensors-sha256: ", "tensors-sha256: x")).hasMessageContaining("tensors-sha256 must be 64 lower-case hex digits");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicateKeys() {
        assertRefused(good + "  bad indentation: [\n").hasMessageContaining("not valid YAML");
        assertRefused(good + "component: kmeans\n").hasMessageContaining("not valid YAML").hasMessageContaining("duplicate key");
        assertRefused(good + "---\nformat: grove-model\n").hasMessageContaining("not valid YAML");
        assertRefused("").hasMessageContaining("the document must be a map, found null");
        assertRefused("[1, 2]").hasMessageContaining("the document must be a map, found a list");
    }

    @Test
    void noJavaClassCanBeNamed() {
        String gadget = "params: {k: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]}";
        assertRefused(replace("params: {k: 2}", gadget)).hasMessageContaining("not valid YAML");
        assertRefused(replace("params: {k: 2}", "params: {k: !<tag:yaml.org,2002:java.io.File> /etc}"))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void scalarConstructorFailuresAreModelFileExceptions() {
        assertRefused(replace("params: {k: 2}", "params: {k: !!int abc}")).hasMessageContaining("not valid YAML");
        assertRefused(replace("params: {k: 2}", "params: {k: !!float abc}")).hasMessageContaining("not valid YAML");
        assertRefused(replace("params: {k: 2}", "params: {k: !!timestamp abc}")).hasMessageContaining("not valid YAML");
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertRefused(yaml.toString()).hasMessageContaining("not valid YAML").hasMessageContaining("aliases");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "params: {k: " + "[".repeat(30) + "]".repeat(30) + "}";
        assertRefused(replace("params: {k: 2}", deep)).hasMessageContaining("not valid YAML").hasMessageContaining("Nesting Depth");
    }

    @Test
    void paramsNestedDeeperThanTheWriterAllowsAreRefused() {
        String deep = "params: {k: " + "[".repeat(20) + "]".repeat(20) + "}";
        assertRefused(replace("params: {k: 2}", deep)).hasMessageContaining("is nested more than 16 levels deep");
    }

    @Test
    void notUtf8() {
        byte[] latin1 = good.replace("component: kmeans", "component: km\u00e9ans").getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("model.yaml", latin1);
        entries.put("tensors.safetensors", tensors);
        Path file = ModelFiles.write(dir.resolve("latin1.grove"), ModelFiles.zip(entries, false));
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": model.yaml is not valid UTF-8 text");
    }

    @Test
    void checksumOfOtherTensorsIsAMismatch() {
        String otherSha = ModelFiles.sha256(new byte[] {1});
        Path file = file(ModelFiles.yaml("w", otherSha));
        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": checksum mismatch: model.yaml records SHA-256 " + otherSha + " for tensors.safetensors, but its bytes hash to "
                        + ModelFiles.sha256(tensors) + ": the file is damaged");
    }
}
