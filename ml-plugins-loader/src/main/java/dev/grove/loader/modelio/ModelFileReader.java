package dev.grove.loader.modelio;

import dev.grove.api.model.ModelState;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a model.grove, trusting nothing in it. In order: the zip must be intact and hold exactly
 * model.yaml and tensors.safetensors; each entry is read within a size limit and checked against its
 * declared size and CRC-32; model.yaml must have a supported format version and well-typed fields;
 * tensors.safetensors must match the SHA-256 recorded in model.yaml (so any flipped bit is caught)
 * and its header must describe exactly the data that follows; and both must name the same arrays.
 * Any failure is a {@link ModelFileException} naming the file and the problem.
 */
public final class ModelFileReader {

    private static final Set<String> ENTRIES = Set.of(ModelFileFormat.YAML_ENTRY, ModelFileFormat.TENSORS_ENTRY);

    private ModelFileReader() {
    }

    /**
     * The model saved in {@code file}.
     *
     * @throws ModelFileException if the file is missing, damaged, hostile or of an unsupported format version
     */
    public static ModelFile read(Path file) {
        return read(file, ModelFileLimits.DEFAULT);
    }

    static ModelFile read(Path file, ModelFileLimits limits) {
        return read(file, limits, false).model();
    }

    /**
     * The state stored in {@code file}: a state file {@link ModelFileWriter#writeState} wrote (a
     * training checkpoint), or a model.grove, whose learned arrays and attributes it returns.
     *
     * @throws ModelFileException if the file is missing, damaged, hostile or of an unsupported format version
     */
    public static ModelState readState(Path file) {
        return read(file, ModelFileLimits.DEFAULT, true).state();
    }

    /** What a file held: the model (null for a state file) and its state. */
    private record Contents(ModelFile model, ModelState state) {
    }

    private static Contents read(Path file, ModelFileLimits limits, boolean acceptState) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        try (ZipFile zip = open(file)) {
            Contents contents = read(zip, limits, acceptState);
            // Structure first, for specific messages; then the seal catches damage the zip format ignores.
            FileSeal.verify(file);
            return contents;
        } catch (FormatProblem p) {
            throw new ModelFileException(file, p.getMessage(), p);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + ZipEntryScan.describe(e), e);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException | EOFException e) {
            throw new FormatProblem("is not a valid zip archive (" + ZipEntryScan.describe(e)
                    + "): the file is damaged or truncated, or is not a model.grove", e);
        }
    }

    private static Contents read(ZipFile zip, ModelFileLimits limits, boolean acceptState) throws IOException {
        String comment;
        try {
            comment = zip.getComment();
        } catch (IllegalArgumentException malformed) {
            throw new FormatProblem("is damaged: its zip comment (the Grove checksum) is not valid text");
        }
        if (comment == null || !comment.startsWith(FileSeal.PREFIX)) {
            throw new FormatProblem("has no Grove checksum in its zip comment: it was not written by Grove, "
                    + "or it was re-packed by another tool");
        }
        checkEntries(zip);
        ZipEntry yamlEntry = zip.getEntry(ModelFileFormat.YAML_ENTRY);
        ZipEntry tensorsEntry = zip.getEntry(ModelFileFormat.TENSORS_ENTRY);
        // Integrity of both entries first, so a damaged file is reported as damaged rather than as
        // whatever nonsense the damage happens to produce.
        ByteArrayOutputStream yaml = new ByteArrayOutputStream();
        ZipEntryScan.scan(zip, yamlEntry, limits.maxYamlBytes(), (buffer, length) -> yaml.write(buffer, 0, length));
        ZipEntryScan.Result tensors = ZipEntryScan.scan(zip, tensorsEntry, limits.maxTensorsBytes(), (buffer, length) -> { });

        // A code point takes at least one byte, so the byte limit bounds SnakeYAML's count too.
        ModelDocument doc = ModelYamlParser.parse(yaml.toByteArray(), acceptState, (int) limits.maxYamlBytes());
        if (!doc.tensorsSha256().equals(tensors.sha256())) {
            throw new FormatProblem("checksum mismatch: model.yaml records SHA-256 " + doc.tensorsSha256()
                    + " for tensors.safetensors, but its bytes hash to " + tensors.sha256() + ": the file is damaged");
        }
        Map<String, ModelState.Array> arrays;
        try (InputStream in = zip.getInputStream(tensorsEntry)) {
            arrays = SafetensorsDecoder.decode(in, tensors.size(), limits.maxHeaderBytes());
        }
        checkSameNames(doc.tensors(), arrays.keySet());
        ModelState.Builder state = ModelState.builder();
        doc.tensors().forEach(name -> state.add(name, arrays.get(name)));
        doc.attributes().forEach(state::attribute);
        if (doc.isState()) {
            return new Contents(null, state.build());
        }
        try {
            ModelFile model = new ModelFile(doc.component(), doc.params(), doc.steps(), doc.schema(), doc.provenance(),
                    state.build());
            return new Contents(model, model.state());
        } catch (IllegalArgumentException e) {
            throw YamlMap.problem(e.getMessage());
        }
    }

    private static void checkEntries(ZipFile zip) {
        List<String> names = new ArrayList<>();
        zip.stream().forEach(e -> names.add(e.getName()));
        for (String name : names) {
            if (!ENTRIES.contains(name)) {
                throw new FormatProblem("holds an unexpected entry '" + PlainValues.abbreviate(name) + "' (a model.grove holds exactly "
                        + ModelFileFormat.YAML_ENTRY + " and " + ModelFileFormat.TENSORS_ENTRY + ")");
            }
            if (Collections.frequency(names, name) > 1) {
                throw new FormatProblem("holds the entry '" + name + "' more than once");
            }
        }
        for (String name : ENTRIES) {
            if (!names.contains(name)) {
                throw new FormatProblem("has no " + name + " entry (a model.grove holds exactly "
                        + ModelFileFormat.YAML_ENTRY + " and " + ModelFileFormat.TENSORS_ENTRY + ")");
            }
        }
    }

    private static void checkSameNames(List<String> listed, Set<String> stored) {
        Set<String> missing = new LinkedHashSet<>(listed);
        missing.removeAll(stored);
        Set<String> unlisted = new LinkedHashSet<>(stored);
        unlisted.removeAll(listed);
        if (!missing.isEmpty() || !unlisted.isEmpty()) {
            throw new FormatProblem("model.yaml and tensors.safetensors disagree: model.yaml lists "
                    + PlainValues.abbreviate(listed.toString()) + " but the safetensors header holds "
                    + PlainValues.abbreviate(stored.toString())
                    + (missing.isEmpty() ? "" : "; missing from the header: " + PlainValues.abbreviate(missing.toString()))
                    + (unlisted.isEmpty() ? "" : "; not listed in model.yaml: " + PlainValues.abbreviate(unlisted.toString())));
        }
    }
}
