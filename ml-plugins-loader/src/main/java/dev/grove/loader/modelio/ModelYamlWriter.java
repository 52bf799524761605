package dev.grove.loader.modelio;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Provenance;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes model.yaml. The document is built from plain maps, lists and scalars only (see
 * {@link PlainValues}) and represented with SnakeYAML's standard representers, with the JavaBean
 * fallback removed, so no Java class name or global tag can ever reach the file.
 */
final class ModelYamlWriter {

    private ModelYamlWriter() {
    }

    /** The model.yaml text for {@code file}, whose tensors.safetensors has SHA-256 {@code tensorsSha256}. */
    static String write(ModelFile file, String tensorsSha256) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", ModelFileFormat.FORMAT_NAME);
        doc.put("format-version", ModelFileFormat.FORMAT_VERSION);
        doc.put("component", file.component());
        if (file.isPipeline()) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("steps", new ArrayList<>(file.steps()));
            doc.put("params", params);
        } else {
            doc.put("params", file.params());
        }
        doc.put("schema", schema(file.schema()));
        doc.put("provenance", provenance(file.provenance()));
        doc.put("attributes", new LinkedHashMap<>(file.state().attributes()));
        doc.put("tensors", new ArrayList<>(file.state().arrays().keySet()));
        doc.put("tensors-sha256", tensorsSha256);
        return dump(doc);
    }

    /** The model.yaml text of a state file holding {@code state}, whose tensors.safetensors has SHA-256 {@code tensorsSha256}. */
    static String writeState(ModelState state, String tensorsSha256) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", ModelFileFormat.STATE_FORMAT_NAME);
        doc.put("format-version", ModelFileFormat.FORMAT_VERSION);
        doc.put("attributes", new LinkedHashMap<>(state.attributes()));
        doc.put("tensors", new ArrayList<>(state.arrays().keySet()));
        doc.put("tensors-sha256", tensorsSha256);
        return dump(doc);
    }

    private static String dump(Map<String, Object> doc) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        // Escape control characters in double quotes instead of turning the string into !!binary.
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        // Never anchors and aliases: the reader allows only a few, and they serve no purpose here.
        options.setDereferenceAliases(true);
        Node node = new PlainRepresenter(options).represent(doc);
        StringWriter out = new StringWriter();
        new Yaml(options).serialize(node, out);
        return out.toString();
    }

    private static Map<String, Object> schema(Schema schema) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("features", new ArrayList<>(schema.featureNames()));
        map.put("target", schema.targetName());
        map.put("classes", new ArrayList<>(schema.classLabels()));
        map.put("sample-shape", new ArrayList<>(schema.sampleShape()));
        if (schema.hasVocabulary()) {
            map.put("vocabulary", new ArrayList<>(schema.vocabulary()));
        }
        if (!schema.tokenizer().isEmpty()) {
            map.put("tokenizer", new LinkedHashMap<>(schema.tokenizer()));
        }
        return map;
    }

    private static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("component", p.component());
        map.put("params", p.params());
        map.put("seed", p.seed());
        map.put("data-fingerprint", p.dataFingerprint());
        map.put("grove-version", p.groveVersion());
        map.put("java-version", p.javaVersion());
        map.put("fitted-at", p.fittedAt().toString());
        return map;
    }

    /** SnakeYAML's representer without its JavaBean fallback: anything but standard types is refused. */
    private static final class PlainRepresenter extends Representer {
        PlainRepresenter(DumperOptions options) {
            super(options);
            representers.put(null, data -> {
                throw new IllegalArgumentException("model.yaml cannot hold a " + data.getClass().getName());
            });
        }
    }
}
