package dev.grove.generative.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.ThreadBudget;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trained GAN model: sampling, saving and loading, its own figures, its files, and bad requests. */
class GanModelTest {

    private static final Dataset DATA = TinyImages.data(128, 2);
    private static GanModel conditional;
    private static GanModel unconditional;

    @BeforeAll
    static void train() {
        conditional = new Gan(TinyImages.conditionalGan(3)).fit(DATA, RunContext.withSeed(3));
        unconditional = new Gan(TinyImages.conditionalGan(3).withConditional(false)).fit(DATA, RunContext.withSeed(3));
    }

    @Test
    void theSameSeedGivesTheSameSamplesBitwiseAndALargerCountExtendsASmallerOne() {
        List<float[]> first = conditional.generate(0, 5, 42);
        assertThat(conditional.generate(0, 5, 42)).usingRecursiveComparison().isEqualTo(first);
        assertThat(conditional.generate(0, 5, 43).get(0)).isNotEqualTo(first.get(0));
        assertThat(unconditional.generate(300, 9).subList(0, 4)).usingRecursiveComparison()
                .isEqualTo(unconditional.generate(4, 9));
    }

    @Test
    void samplingDoesNotDependOnTheThreadCount() {
        int before = ThreadBudget.get();
        try {
            ThreadBudget.set(1);
            List<float[]> single = unconditional.generate(300, 4);
            ThreadBudget.set(3);
            assertThat(unconditional.generate(300, 4)).usingRecursiveComparison().isEqualTo(single);
        } finally {
            ThreadBudget.set(before);
        }
    }

    @Test
    void aSavedModelLoadsAndSamplesTheSameImagesBitwise() {
        ModelState state = conditional.state();
        assertThat(state.arrays().keySet()).anyMatch(name -> name.startsWith("generator."))
                .anyMatch(name -> name.startsWith("discriminator."))
                .allMatch(name -> name.startsWith("generator.") || name.startsWith("discriminator."));
        assertThat(state.attributes()).containsEntry("latent-dim", "4").containsEntry("sample-shape", "1x4x4")
                .containsEntry("classes", "2");
        GanModel loaded = GanModel.restore(conditional.params(), DATA.schema(), state);
        assertThat(loaded.generate(1, 6, 8)).usingRecursiveComparison().isEqualTo(conditional.generate(1, 6, 8));
        assertThat(loaded.evaluate(DATA, 5)).isEqualTo(conditional.evaluate(DATA, 5));
    }

    @Test
    void loadingWithAnotherLatentSizeOrImageShapeNamesExpectedAndGiven() {
        ModelState state = conditional.state();
        assertThatThrownBy(() -> GanModel.restore(conditional.params().withLatentDim(8), DATA.schema(), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent-dim 4").hasMessageContaining("is 8");
        Schema flat = DATA.schema().withSampleShape(List.of(16));
        assertThatThrownBy(() -> GanModel.restore(conditional.params(), flat, state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample-shape 1x4x4").hasMessageContaining("is 16");
    }

    @Test
    void anUnknownClassIsAnErrorNamingTheKnownClasses() {
        assertThatThrownBy(() -> conditional.generate(2, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class index 2").hasMessageContaining("0: left").hasMessageContaining("1: right");
        assertThatThrownBy(() -> conditional.generate("up", 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'up'").hasMessageContaining("left").hasMessageContaining("right");
        assertThatThrownBy(() -> unconditional.generate(0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conditional: false");
    }

    @Test
    void aConditionalModelTakesTurnsOverTheClassesWhenNoneIsChosen() {
        List<float[]> mixed = conditional.generate(4, 12);
        // Same noise row, same class: sample 1 of the mixed batch is class 1 drawn from noise row 1.
        assertThat(mixed.get(1)).isEqualTo(conditional.generate(1, 2, 12).get(1));
        assertThat(mixed.get(2)).isEqualTo(conditional.generate(0, 3, 12).get(2));
    }

    @Test
    void ownFiguresAreTheDiscriminatorsMeanOutputsOnRealAndGeneratedImages() {
        Map<String, Double> figures = conditional.evaluate(DATA, 1);
        assertThat(figures).containsOnlyKeys("d-real", "d-fake");
        double[] real = conditional.realProbabilities(DATA);
        double mean = 0;
        for (double p : real) {
            assertThat(p).isBetween(0.0, 1.0);
            mean += p / real.length;
        }
        assertThat(figures.get("d-real")).isCloseTo(mean, within(1e-12));
        assertThat(figures.get("d-fake")).isBetween(0.0, 1.0);
        assertThat(conditional.evaluate(DATA, 1)).isEqualTo(figures);
    }

    @Test
    void imagesOfAnotherShapeAreAnErrorNamingExpectedAndGiven() {
        Schema flat = DATA.schema().withSampleShape(List.of(16));
        Dataset rows = Dataset.ofFloats(new float[2 * 16], new double[] {0, 1}, flat);
        assertThatThrownBy(() -> conditional.evaluate(rows, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 4, 4]").hasMessageContaining("[16]");
    }

    @Test
    void theSampleGridHasOneRowPerClassForAConditionalModel(@TempDir Path dir) throws Exception {
        assertThat(conditional.writeArtifacts(DATA, dir, 1)).containsExactly("samples.png");
        // 10 columns and 2 rows of 4 × 4 images with 2-pixel gaps: 10·4 + 11·2 by 2·4 + 3·2.
        assertThat(pngSize(dir.resolve("samples.png"))).containsExactly(62, 14);
        Path other = dir.resolve("unconditional");
        assertThat(unconditional.writeArtifacts(DATA, other, 1)).containsExactly("samples.png");
        assertThat(pngSize(other.resolve("samples.png"))).containsExactly(8 * 4 + 9 * 2, 8 * 4 + 9 * 2);
    }

    @Test
    void samplesThatAreNotImagesWriteNoGrid(@TempDir Path dir) throws Exception {
        Schema table = DATA.schema().withSampleShape(List.of(16));
        Dataset rows = Dataset.ofFloats(TinyImages.data(64, 3).rowsAsFloats(identity(64), new float[64 * 16]),
                TinyImages.data(64, 3).targets(), table);
        GanModel model = new Gan(TinyImages.conditionalGan(1)).fit(rows, RunContext.withSeed(1));
        assertThat(model.writeArtifacts(rows, dir, 1)).isEmpty();
        assertThat(model.generate(0, 2, 1)).allSatisfy(sample -> assertThat(sample).hasSize(16));
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static List<Integer> pngSize(Path file) throws Exception {
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file), 16, 8);
        List<Integer> size = new ArrayList<>();
        size.add(header.getInt());
        size.add(header.getInt());
        return size;
    }
}
