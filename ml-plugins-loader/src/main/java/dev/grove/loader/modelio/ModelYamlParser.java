package dev.grove.loader.modelio;

import dev.grove.api.data.Schema;
import dev.grove.api.model.Provenance;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads model.yaml (of a saved model, or of a state file) with SnakeYAML in safe mode (standard tags only, no global tags, few aliases,
 * bounded nesting and size, duplicate keys rejected) and checks every field's presence and type.
 */
final class ModelYamlParser {

    private static final Set<String> DOCUMENT_KEYS = Set.of("format", "format-version", "component", "params", "schema",
            "provenance", "attributes", "tensors", "tensors-sha256");
    private static final Set<String> STATE_DOCUMENT_KEYS = Set.of("format", "format-version", "attributes", "tensors",
            "tensors-sha256");
    private static final Set<String> SCHEMA_KEYS = Set.of("features", "target", "classes");
    /** Written since samples have shapes; a file without it holds flat rows. */
    private static final Set<String> OPTIONAL_SCHEMA_KEYS = Set.of("sample-shape", "vocabulary", "tokenizer");
    private static final Set<String> PROVENANCE_KEYS = Set.of("component", "params", "seed", "data-fingerprint",
            "grove-version", "java-version", "fitted-at");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private ModelYamlParser() {
    }

    /**
     * The document in {@code bytes}: a saved model's, or with {@code acceptState} also a state file's
     * (which holds only attributes and tensor names).
     *
     * @throws FormatProblem naming the first field that is missing, unknown or of the wrong type
     */
    static ModelDocument parse(byte[] bytes, boolean acceptState, int codePointLimit) {
        String text = StrictUtf8.decode(bytes, ModelFileFormat.YAML_ENTRY);
        Object root;
        try {
            root = safeYaml(codePointLimit).load(text);
        } catch (RuntimeException e) {
            // Beyond YAMLException, SnakeYAML's scalar constructors throw plain unchecked exceptions
            // (e.g. NumberFormatException for "!!int abc"); all of them mean the same thing here.
            throw YamlMap.problem("not valid YAML, or uses a feature model files do not allow: " + e.getMessage());
        }
        YamlMap doc = YamlMap.of(root, "");
        // Format and version first: a file from a later Grove may differ in every other key.
        Object format = doc.get("format");
        boolean state = acceptState && ModelFileFormat.STATE_FORMAT_NAME.equals(format);
        if (!state && !ModelFileFormat.FORMAT_NAME.equals(format)) {
            throw YamlMap.problem("format is " + PlainValues.describe(format) + ", expected '" + ModelFileFormat.FORMAT_NAME
                    + (ModelFileFormat.STATE_FORMAT_NAME.equals(format)
                    ? "' (this is a training checkpoint, not a saved model)" : "' (is this a model.grove file?)"));
        }
        Object version = doc.get("format-version");
        if (!Integer.valueOf(ModelFileFormat.FORMAT_VERSION).equals(version)) {
            throw YamlMap.problem("unsupported format-version: " + PlainValues.describe(version) + " (this Grove reads version "
                    + ModelFileFormat.FORMAT_VERSION + ")");
        }
        doc.requireExactly(state ? STATE_DOCUMENT_KEYS : DOCUMENT_KEYS);
        List<String> tensors = doc.strings("tensors");
        Set<String> seen = new HashSet<>();
        for (String name : tensors) {
            if (!seen.add(name)) {
                throw YamlMap.problem("tensors lists '" + PlainValues.abbreviate(name) + "' twice");
            }
        }
        String sha = doc.string("tensors-sha256");
        if (!SHA256_HEX.matcher(sha).matches()) {
            throw YamlMap.problem("tensors-sha256 must be 64 lower-case hex digits, found '" + PlainValues.abbreviate(sha) + "'");
        }
        if (state) {
            return ModelDocument.ofState(doc.stringMap("attributes"), tensors, sha);
        }
        String component = doc.string("component");
        boolean pipeline = ModelFileFormat.PIPELINE.equals(component);
        Map<String, Object> params = pipeline ? Map.of() : plainMap(doc.get("params"), "params");
        List<Map<String, Object>> steps = pipeline ? steps(doc.map("params")) : List.of();
        return new ModelDocument(component, params, steps, schema(doc.map("schema")), provenance(doc.map("provenance")),
                doc.stringMap("attributes"), tensors, sha);
    }

    private static List<Map<String, Object>> steps(YamlMap params) {
        params.requireExactly(Set.of("steps"));
        if (!(params.get("steps") instanceof List<?> list) || list.isEmpty()) {
            throw YamlMap.problem("params.steps of a pipeline must be a non-empty list of steps, found "
                    + PlainValues.describe(params.get("steps")));
        }
        List<Map<String, Object>> steps = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            steps.add(plainMap(list.get(i), "params.steps[" + i + "]"));
        }
        return steps;
    }

    private static Schema schema(YamlMap schema) {
        schema.requireKeys(SCHEMA_KEYS, OPTIONAL_SCHEMA_KEYS);
        List<Integer> sampleShape = schema.has("sample-shape") ? schema.ints("sample-shape") : null;
        try {
            List<String> vocabulary = schema.has("vocabulary") ? schema.strings("vocabulary") : null;
            Map<String, String> tokenizer = schema.has("tokenizer") ? schema.stringMap("tokenizer") : null;
            return new Schema(schema.strings("features"), schema.stringOrNull("target"), schema.strings("classes"), sampleShape,
                    vocabulary, tokenizer);
        } catch (IllegalArgumentException e) {
            throw YamlMap.problem(e.getMessage());
        }
    }

    private static Provenance provenance(YamlMap p) {
        p.requireExactly(PROVENANCE_KEYS);
        String fittedAt = p.string("fitted-at");
        Instant instant;
        try {
            instant = Instant.parse(fittedAt);
        } catch (DateTimeParseException e) {
            throw YamlMap.problem(p.where("fitted-at") + " '" + PlainValues.abbreviate(fittedAt)
                    + "' is not an ISO-8601 instant such as 2024-05-01T12:00:00Z");
        }
        return new Provenance(p.string("component"), plainMap(p.get("params"), p.where("params")), p.whole("seed"),
                p.string("data-fingerprint"), p.string("grove-version"), p.string("java-version"), instant);
    }

    private static Map<String, Object> plainMap(Object value, String where) {
        try {
            return PlainValues.copyMap(value, where);
        } catch (IllegalArgumentException e) {
            throw YamlMap.problem(e.getMessage());
        }
    }

    private static Yaml safeYaml(int codePointLimit) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        // The deepest params the writer allows (PlainValues.MAX_DEPTH) sit four levels down, in a pipeline step.
        options.setNestingDepthLimit(PlainValues.MAX_DEPTH + 8);
        options.setCodePointLimit(codePointLimit);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        // Yaml's constructor wants a representer even though this instance only loads.
        DumperOptions dumping = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumping), dumping, options);
    }
}
