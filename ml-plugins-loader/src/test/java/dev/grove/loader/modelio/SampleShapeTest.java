package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.grove.api.data.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema's sample shape and vocabulary in model.yaml: saved, restored, absent in older files
 * (flat rows, no tokens), checked.
 */
class SampleShapeTest {

    @TempDir
    Path dir;

    @Test
    void anImageShapeIsSavedAndRestored() {
        List<String> pixels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pixels.add("pixel-" + i);
        }
        Schema images = new Schema(pixels, "label", List.of("cat", "dog"), List.of(3, 2, 2));
        ModelFile tiny = ModelFiles.tiny();
        ModelFile model = new ModelFile(tiny.component(), tiny.params(), List.of(), images, tiny.provenance(), tiny.state());
        Path file = dir.resolve("model.grove");

        ModelFileWriter.write(file, model);

        assertThat(new String(ModelFiles.entry(file, "model.yaml"), StandardCharsets.UTF_8))
                .contains("sample-shape:\n  - 3\n  - 2\n  - 2\n");
        assertThat(ModelFileReader.read(file).schema().sampleShape()).containsExactly(3, 2, 2);
    }

    @Test
    void aVocabularyAndItsTokenizerAreSavedAndRestored() {
        List<String> tokens = List.of("<unk>", "the", "\n", " ", "caf\u00e9");
        Schema text = new Schema(List.of("t0", "t1", "t2"), "label", List.of("neg", "pos"), List.of(3), tokens,
                Map.of("component", "bpe", "merges", "t h\nth e"));
        ModelFile tiny = ModelFiles.tiny();
        ModelFile model = new ModelFile(tiny.component(), tiny.params(), List.of(), text, tiny.provenance(), tiny.state());
        Path file = dir.resolve("text.grove");

        ModelFileWriter.write(file, model);

        Schema restored = ModelFileReader.read(file).schema();
        assertThat(restored.vocabulary()).containsExactly("<unk>", "the", "\n", " ", "caf\u00e9");
        assertThat(restored.classLabels()).containsExactly("neg", "pos");
        assertThat(restored.tokenizer()).containsOnly(entry("component", "bpe"), entry("merges", "t h\nth e"));
    }

    @Test
    void aFileWithoutSampleShapeHoldsFlatRows() {
        byte[] tensors = ModelFiles.safetensors("{}", new byte[0]);
        Path file = ModelFiles.craft(dir.resolve("old.grove"), ModelFiles.yaml("", ModelFiles.sha256(tensors)), tensors);

        Schema schema = ModelFileReader.read(file).schema();
        assertThat(schema.sampleShape()).containsExactly(2);
        assertThat(schema.hasVocabulary()).isFalse();
    }

    @Test
    void aShapeThatDoesNotHoldTheFeaturesIsRefused() {
        byte[] tensors = ModelFiles.safetensors("{}", new byte[0]);
        String yaml = ModelFiles.yaml("", ModelFiles.sha256(tensors)).replace("classes: []}", "classes: [], sample-shape: [3]}");
        Path wrongSize = ModelFiles.craft(dir.resolve("wrong.grove"), yaml, tensors);
        assertThatThrownBy(() -> ModelFileReader.read(wrongSize)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("sample shape [3] holds 3 values but there are 2 features");

        String text = ModelFiles.yaml("", ModelFiles.sha256(tensors)).replace("classes: []}", "classes: [], sample-shape: [2, x]}");
        Path notNumbers = ModelFiles.craft(dir.resolve("text.grove"), text, tensors);
        assertThatThrownBy(() -> ModelFileReader.read(notNumbers)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("schema.sample-shape[1] must be a whole number");
    }
}
