package dev.grove.loader.modelio;

import static dev.grove.loader.modelio.ModelFiles.assertSameModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    /** Limits with 1 MiB of model.yaml, so the tests at the limit stay quick. */
    private static final ModelFileLimits SMALL = new ModelFileLimits(1 << 20, 2L << 30, 100_000_000L);

    @TempDir
    Path dir;

    private List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void leavesOnlyTheModelBehind() throws IOException {
        ModelFileWriter.write(dir.resolve("model.grove"), ModelFiles.tiny());
        assertThat(filesIn(dir)).containsExactly("model.grove");
    }

    @Test
    void replacesAnExistingModel() throws IOException {
        Path file = dir.resolve("model.grove");
        ModelFileWriter.write(file, ModelFiles.tiny());
        ModelFileWriter.write(file, ModelFiles.pipeline());
        assertSameModel(ModelFileReader.read(file), ModelFiles.pipeline());
        assertThat(filesIn(dir)).containsExactly("model.grove");
    }

    @Test
    void aFailedRenameKeepsTheTargetAndRemovesTheTemporaryFile() throws IOException {
        // A non-empty directory where the model should go: the whole file is written, then the rename fails.
        Path target = dir.resolve("model.grove");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "precious");
        assertThatThrownBy(() -> ModelFileWriter.write(target, ModelFiles.tiny())).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(target + ": cannot write the model");
        assertThat(filesIn(dir)).containsExactly("model.grove");
        assertThat(Files.readString(target.resolve("keep.txt"))).isEqualTo("precious");
    }

    @Test
    void aWriteThatFailsHalfwayKeepsTheOldFileAndRemovesTheTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("model.grove"), "old model");
        assertThatThrownBy(() -> AtomicFiles.replace(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old model");
        assertThat(filesIn(dir)).containsExactly("model.grove");

        assertThatThrownBy(() -> AtomicFiles.replace(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(target)).isEqualTo("old model");
        assertThat(filesIn(dir)).containsExactly("model.grove");
    }

    @Test
    void aModelThatCannotBeSavedLeavesTheOldFileUntouched() throws IOException {
        Path target = dir.resolve("model.grove");
        ModelFileWriter.write(target, ModelFiles.tiny());
        byte[] before = Files.readAllBytes(target);
        ModelFile tiny = ModelFiles.tiny();
        ModelState reserved = ModelState.builder().put("__metadata__", new double[] {1}, 1).build();
        assertThatThrownBy(() -> ModelFileWriter.write(target,
                new ModelFile("kmeans", Map.of(), List.of(), tiny.schema(), tiny.provenance(), reserved)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("__metadata__");
        ModelState huge = ModelState.builder().attribute("vocabulary", "x".repeat(1_100_000)).build();
        assertThatThrownBy(() -> ModelFileWriter.write(target,
                new ModelFile("kmeans", Map.of(), List.of(), tiny.schema(), tiny.provenance(), huge), SMALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model.yaml would be");
        assertThat(Files.readAllBytes(target)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly("model.grove");
    }

    @Test
    void tensorsOverTheLimitAreRefusedBeforeWriting() throws IOException {
        Path target = dir.resolve("model.grove");
        ModelFileLimits small = new ModelFileLimits(1 << 20, 1024, 1024);
        ModelFile tiny = ModelFiles.tiny();
        ModelState big = ModelState.builder().put("w", new double[200], 200).build();
        assertThatThrownBy(() -> ModelFileWriter.write(target,
                new ModelFile("kmeans", Map.of(), List.of(), tiny.schema(), tiny.provenance(), big), small))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 1024 bytes a model.grove can hold");
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aMissingDirectoryIsAModelFileException() {
        Path target = dir.resolve("no/such/dir/model.grove");
        assertThatThrownBy(() -> ModelFileWriter.write(target, ModelFiles.tiny())).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(target + ": cannot write the model");
    }

    @Test
    void theLongestModelYamlTheWriterAcceptsCanBeRead() {
        ModelFile tiny = ModelFiles.tiny();
        String base = new String(writeAndGetYaml(tiny), StandardCharsets.UTF_8);
        // One more attribute, sized so that model.yaml is exactly at the reader's limit.
        int room = (int) SMALL.maxYamlBytes() - base.length() - "  long: \n".length();
        ModelFile longest = withLongAttribute(tiny, room);
        Path file = dir.resolve("long.grove");
        ModelFileWriter.write(file, longest, SMALL);
        assertThat(new String(ModelFiles.entry(file, "model.yaml"), StandardCharsets.UTF_8).length())
                .isEqualTo((int) SMALL.maxYamlBytes());
        assertSameModel(ModelFileReader.read(file, SMALL), longest);
        assertThatThrownBy(() -> ModelFileWriter.write(file, withLongAttribute(tiny, room + 1), SMALL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model.yaml would be");
    }

    private static ModelFile withLongAttribute(ModelFile tiny, int length) {
        ModelState.Builder state = ModelState.builder();
        tiny.state().arrays().forEach(state::add);
        tiny.state().attributes().forEach(state::attribute);
        state.attribute("long", "y".repeat(length));
        return new ModelFile("kmeans", tiny.params(), List.of(), tiny.schema(), tiny.provenance(), state.build());
    }

    private byte[] writeAndGetYaml(ModelFile model) {
        Path file = dir.resolve("base.grove");
        ModelFileWriter.write(file, model);
        return ModelFiles.entry(file, "model.yaml");
    }
}
