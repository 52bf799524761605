package dev.grove.loader.modelio;

import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a model.grove: a zip of model.yaml (deflated) and tensors.safetensors (stored, so its
 * bytes sit in the zip exactly as the safetensors layout defines them), sealed with a SHA-256 of
 * the whole file in the zip comment ({@link FileSeal}). The file is written to a
 * temporary file next to the target and renamed into place, so the target is always either the old
 * model or the complete new one.
 */
public final class ModelFileWriter {

    /** The zip entries' time in a state file: fixed, so equal states give byte-identical files. */
    private static final LocalDateTime STATE_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ModelFileWriter() {
    }

    /**
     * Writes {@code file} to {@code target}, replacing an existing file.
     *
     * @throws IllegalArgumentException if the model cannot be saved (an array named {@code __metadata__},
     *                                  a name that is not valid Unicode, or a model too large for the format)
     * @throws ModelFileException       if the file cannot be written; an existing file is then left as it was
     */
    public static void write(Path target, ModelFile file) {
        write(target, file, ModelFileLimits.DEFAULT);
    }

    static void write(Path target, ModelFile file, ModelFileLimits limits) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(file, "file");
        LocalDateTime time = LocalDateTime.ofInstant(file.provenance().fittedAt(), ZoneOffset.UTC);
        writeArchive(target, file.state(), sha -> ModelYamlWriter.write(file, sha), time, limits, "model", "a model.grove");
    }

    /**
     * Writes a state file (a training checkpoint) to {@code target}, replacing an existing file: the
     * same sealed zip as a model.grove, whose model.yaml holds only {@code format: grove-state}, the
     * state's attributes and the tensor names ({@link ModelFileReader#readState} reads it back).
     *
     * @throws IllegalArgumentException if the state cannot be saved (see {@link #write(Path, ModelFile)})
     * @throws ModelFileException       if the file cannot be written; an existing file is then left as it was
     */
    public static void writeState(Path target, ModelState state) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        writeArchive(target, state, sha -> ModelYamlWriter.writeState(state, sha), STATE_TIME, ModelFileLimits.DEFAULT,
                "state", "a state file");
    }

    /**
     * The archive of {@code state} with the model.yaml that {@code yamlForSha} makes from the
     * tensors' SHA-256; {@code what} names the content and {@code container} the file in messages.
     */
    private static void writeArchive(Path target, ModelState state, Function<String, String> yamlForSha, LocalDateTime time,
                                     ModelFileLimits limits, String what, String container) {
        // A first encoding pass into a digest gives the size, CRC-32 (needed up front for a stored
        // zip entry) and SHA-256 (recorded in model.yaml) without holding a second copy of the data.
        MeasuringOutputStream tensors = new MeasuringOutputStream();
        try {
            SafetensorsEncoder.write(state, tensors);
        } catch (IOException e) {
            throw new IllegalStateException("a measuring stream does not fail", e);
        }
        if (tensors.size() > limits.maxTensorsBytes()) {
            throw new IllegalArgumentException("the " + what + "'s arrays take " + tensors.size() + " bytes, more than the "
                    + limits.maxTensorsBytes() + " bytes " + container + " can hold");
        }
        String yaml = yamlForSha.apply(tensors.sha256());
        byte[] yamlBytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (yamlBytes.length > limits.maxYamlBytes()) {
            throw new IllegalArgumentException("model.yaml would be " + yamlBytes.length + " bytes, more than " + container
                    + " allows (" + limits.maxYamlBytes() + " bytes); are some params or attributes very long?");
        }
        try {
            AtomicFiles.replace(target, out -> writeZip(FileSeal.sealing(out), yamlBytes, state, tensors, time));
        } catch (IOException e) {
            throw new ModelFileException(target, "cannot write the " + what + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static void writeZip(OutputStream out, byte[] yaml, ModelState state, MeasuringOutputStream tensors,
                                 LocalDateTime time) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.setComment(FileSeal.PLACEHOLDER);
            ZipEntry yamlEntry = new ZipEntry(ModelFileFormat.YAML_ENTRY);
            yamlEntry.setTimeLocal(time);
            zip.putNextEntry(yamlEntry);
            zip.write(yaml);
            zip.closeEntry();
            ZipEntry tensorsEntry = new ZipEntry(ModelFileFormat.TENSORS_ENTRY);
            tensorsEntry.setMethod(ZipEntry.STORED);
            tensorsEntry.setSize(tensors.size());
            tensorsEntry.setCompressedSize(tensors.size());
            tensorsEntry.setCrc(tensors.crc32());
            tensorsEntry.setTimeLocal(time);
            zip.putNextEntry(tensorsEntry);
            SafetensorsEncoder.write(state, zip);
            // Checks the bytes just written against the size and CRC-32 of the first pass.
            zip.closeEntry();
        }
    }
}
