package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State files (training checkpoints) through the StateFiles the runtime hands to families. */
class StateFileTest {

    @TempDir
    Path dir;

    private final StateFileStore store = new StateFileStore();

    private static ModelState checkpoint(float first) {
        return ModelState.builder()
                .put("dense-1.weight", new float[] {first, -0.5f, 0.25f, Float.NaN}, 2, 2)
                .put("adam.step", new double[] {12}, 1)
                .attribute("epoch", "3")
                .attribute("rng", "a:b\nc")
                .build();
    }

    @Test
    void aWrittenStateReadsBackBitForBit() throws IOException {
        Path file = dir.resolve("checkpoint.state");
        ModelState written = checkpoint(1.5f);

        store.write(file, written);
        ModelState read = store.read(file);

        assertThat(read.attributes()).containsExactly(Map.entry("epoch", "3"), Map.entry("rng", "a:b\nc"));
        assertThat(read.arrays().keySet()).containsExactly("dense-1.weight", "adam.step");
        assertThat(read.shape("dense-1.weight")).containsExactly(2, 2);
        assertThat(read.floats("dense-1.weight")).containsExactly(1.5f, -0.5f, 0.25f, Float.NaN);
        assertThat(read.doubles("adam.step")).containsExactly(12.0);
    }

    @Test
    void writingAgainReplacesTheFileAtomicallyAndEqualStatesGiveEqualBytes() throws IOException {
        Path file = dir.resolve("checkpoint.state");
        store.write(file, checkpoint(1.5f));
        byte[] first = Files.readAllBytes(file);
        store.write(file, checkpoint(2.5f));
        assertThat(store.read(file).floats("dense-1.weight")[0]).isEqualTo(2.5f);
        store.write(file, checkpoint(1.5f));

        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("checkpoint.state");
        }
    }

    @Test
    void aSavedModelReadsAsItsState() throws IOException {
        Path model = dir.resolve("model.grove");
        ModelFile saved = ModelFiles.tiny();
        ModelFileWriter.write(model, saved);

        ModelState state = store.read(model);

        assertThat(state.doubles("w")).containsExactly(0.5, -1.5);
        assertThat(state.floats("b")).containsExactly(2f);
        assertThat(state.attributes()).containsExactly(Map.entry("kind", "demo"));
    }

    @Test
    void aStateFileIsNotASavedModel() throws IOException {
        Path file = dir.resolve("checkpoint.state");
        store.write(file, checkpoint(1f));

        assertThatThrownBy(() -> ModelFileReader.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": model.yaml: format is the string 'grove-state', expected 'grove-model'"
                        + " (this is a training checkpoint, not a saved model)");
    }

    @Test
    void missingAndDamagedFilesAreIoErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("none.state");
        assertThatThrownBy(() -> store.read(missing)).isInstanceOf(IOException.class)
                .hasMessage(missing + ": does not exist");

        Path file = dir.resolve("checkpoint.state");
        store.write(file, checkpoint(1f));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
        assertThatThrownBy(() -> store.read(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": ");

        Path inMissingFolder = dir.resolve("no-such-folder").resolve("checkpoint.state");
        assertThatThrownBy(() -> store.write(inMissingFolder, checkpoint(1f))).isInstanceOf(IOException.class)
                .hasMessageStartingWith(inMissingFolder + ": cannot write the state");
    }

    @Test
    void aStateDocumentWithModelKeysIsRefused() {
        byte[] tensors = ModelFiles.safetensors("{}", new byte[0]);
        String yaml = "format: grove-state\nformat-version: 1\ncomponent: kmeans\nattributes: {}\ntensors: []\n"
                + "tensors-sha256: " + ModelFiles.sha256(tensors) + "\n";
        Path file = ModelFiles.craft(dir.resolve("odd.state"), yaml, tensors);

        assertThatThrownBy(() -> ModelFileReader.readState(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("unknown key 'component'");
    }
}
