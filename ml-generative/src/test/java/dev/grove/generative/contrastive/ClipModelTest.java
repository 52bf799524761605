package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classification;
import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fitted model: zero-shot classification, embeddings, its state and restoration, its bad-input errors. */
class ClipModelTest {

    private static final Dataset TEST = ToyImages.of(10, 2);
    private static ClipParams params;
    private static ClipModel model;

    @BeforeAll
    static void fit() {
        params = ToyImages.params();
        model = new Clip(params).fit(ToyImages.of(16, 1), RunContext.withSeed(42));
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheScaledCosineSimilarityToEachClassPrompt() {
        float[][] images = model.embedImages(TEST);
        List<float[]> prompts = new ArrayList<>();
        for (String word : ToyImages.WORDS) {
            prompts.add(model.embedText("a picture showing the digit " + word));
        }

        double[][] probabilities = model.predictProba(TEST);

        assertThat(model.classPrompts()).containsExactly("a picture showing the digit northwest",
                "a picture showing the digit northeast", "a picture showing the digit southwest",
                "a picture showing the digit southeast");
        for (int i = 0; i < images.length; i++) {
            double[] logits = new double[4];
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                for (int d = 0; d < images[i].length; d++) {
                    logits[k] += model.logitScale() * images[i][d] * prompts.get(k)[d];
                }
                sum += Math.exp(logits[k]);
            }
            for (int k = 0; k < 4; k++) {
                assertThat(probabilities[i][k]).isCloseTo(Math.exp(logits[k]) / sum, within(1e-5));
            }
        }
    }

    @Test
    void withSeveralPromptTemplatesAClassIsTheNormalisedMeanOfTheirEmbeddings() {
        ClipModel ensemble = ClipModel.restore(params.withTemplates(params.captions(),
                List.of("a picture showing the digit {class}", "the {class}")), TEST.schema(), model.state());
        float[] image = ensemble.embedImages(TEST.view(new int[] {0}))[0];

        double[] logits = new double[4];
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            float[] first = ensemble.embedText("a picture showing the digit " + ToyImages.WORDS.get(k));
            float[] second = ensemble.embedText("the " + ToyImages.WORDS.get(k));
            double[] mean = new double[first.length];
            double norm = 0;
            for (int d = 0; d < mean.length; d++) {
                mean[d] = first[d] + second[d];
                norm += mean[d] * mean[d];
            }
            for (int d = 0; d < mean.length; d++) {
                logits[k] += ensemble.logitScale() * image[d] * mean[d] / Math.sqrt(norm);
            }
            sum += Math.exp(logits[k]);
        }
        double[] probabilities = ensemble.predictProba(TEST.view(new int[] {0}))[0];
        for (int k = 0; k < 4; k++) {
            assertThat(probabilities[k]).isCloseTo(Math.exp(logits[k]) / sum, within(1e-5));
        }
    }

    @Test
    void embeddingsAreUnitVectorsOfTheEmbeddingSize() {
        for (float[] image : model.embedImages(TEST)) {
            assertThat(image).hasSize(8);
            assertThat(norm(image)).isCloseTo(1, within(1e-5));
        }
        assertThat(norm(model.embedText("a handwritten southeast"))).isCloseTo(1, within(1e-5));
    }

    @Test
    void zeroShotChoosesAmongAnyPromptsAndAnswersIndicesIntoThem() {
        List<String> prompts = List.of("the southeast", "the northwest");
        Dataset corners = TEST.view(new int[] {3, 0, 7, 4});

        Classification answers = model.zeroShot(corners, prompts);

        assertThat(answers.classes()).containsExactly(0, 1, 0, 1);
        for (double[] row : answers.probabilities()) {
            assertThat(row[0] + row[1]).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void textWithNoKnownWordTooFewPromptsAndPromptsThatReadTheSameAreClearErrors() {
        assertThatThrownBy(() -> model.embedText("brand new words"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clip: the text 'brand new words' has no word the model knows")
                .hasMessageContaining("the model knows");
        assertThatThrownBy(() -> model.zeroShot(TEST, List.of("a northwest")))
                .hasMessage("clip: zero-shot classification needs at least two prompts to choose from, got 1");
        // Mean pooling reads words, not their order; unknown words all read as <unk>.
        assertThatThrownBy(() -> model.zeroShot(TEST, List.of("a northwest", "a southeast", "northwest a")))
                .hasMessageStartingWith("clip: prompts 1 ('a northwest') and 3 ('northwest a') read the same to the model");
        assertThatThrownBy(() -> model.zeroShot(TEST, List.of("an even number", "an odd number")))
                .hasMessageStartingWith("clip: prompts 1 ('an even number') and 2 ('an odd number') read the same");
    }

    @Test
    void imagesOfAnotherShapeAreRejectedNamingBothShapes() {
        Dataset wide = Dataset.ofFloats(new float[2 * 25], new double[] {0, 1}, ToyImages.schema(List.of(1, 5, 5)));

        assertThatThrownBy(() -> model.predict(wide))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clip: the model takes images of shape [1, 4, 4] (16 values per row), got rows of shape"
                        + " [1, 5, 5] (25 values)");
        assertThatThrownBy(() -> model.embedImages(wide)).hasMessageContaining("got rows of shape [1, 5, 5]");
    }

    @Test
    void flatRowsOfTheSamePixelColumnsAreTakenAsTheImages() {
        // A CSV of the pixel columns (grove predict) has flat rows of the same columns.
        float[] pixels = TEST.rowsAsFloats(IntStream.range(0, TEST.rows()).toArray(), new float[TEST.rows() * 16]);
        Dataset flat = Dataset.ofFloats(pixels, null, new Schema(TEST.schema().featureNames(), null,
                ToyImages.LABELS));

        assertThat(model.predictProba(flat)).isDeepEqualTo(model.predictProba(TEST));
    }

    @Test
    void theStateHoldsBothEncodersTheScaleAndTheVocabularyAndARestoredModelPredictsIdentically() {
        ModelState state = model.state();

        assertThat(state.arrays().keySet()).containsExactly("image-encoder.dense-1.weight", "image-encoder.dense-1.bias",
                "image-encoder.dense-2.weight", "text-encoder.token-embeddings", "text-encoder.layers.dense-1.weight",
                "text-encoder.layers.dense-1.bias", "text-encoder.layers.dense-2.weight", "log-logit-scale");
        assertThat(state.attribute("vocabulary")).isEqualTo("<unk> a photo of the number an image handwritten northwest"
                + " northeast southwest southeast 0 1 2 3");
        assertThat(state.shape("text-encoder.token-embeddings")).containsExactly(17, 8);

        ClipModel restored = ClipModel.restore(params, TEST.schema(), state);

        assertThat(restored.predictProba(TEST)).isDeepEqualTo(model.predictProba(TEST));
        assertThat(restored.embedText("a northeast")).containsExactly(model.embedText("a northeast"));
        assertThat(restored.logitScale()).isEqualTo(model.logitScale());
    }

    @Test
    void theRegisteredComponentBuildsTheEstimatorAndRestoresThroughItsRestorer() {
        List<Component<?>> registered = new ArrayList<>();
        ContrastiveComponents.register(registered::add);

        assertThat(registered).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.ESTIMATOR);
            assertThat(c.name()).isEqualTo("clip");
            assertThat(c.paramsType()).isEqualTo(ClipParams.class);
        });
        @SuppressWarnings("unchecked")
        Component<ClipParams> clip = (Component<ClipParams>) registered.get(0);
        assertThat(clip.create(params)).isInstanceOf(Clip.class);
        Model restored = clip.restorer().restore(params, TEST.schema(), model.state());
        assertThat(((ClipModel) restored).predict(TEST)).containsExactly(model.predict(TEST));
    }

    @Test
    void aStateThatDoesNotFitTheParamsIsAClearError() {
        ModelState state = model.state();

        assertThatThrownBy(() -> ClipModel.restore(params.withDims(8, 6), TEST.schema(), state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clip: saved array 'image-encoder.dense-2.weight' has shape [16, 8] but the model"
                        + " expects [16, 6]");
        assertThatThrownBy(() -> ClipModel.restore(params, ToyImages.schema(List.of(1, 5, 5)), state))
                .hasMessageContaining("saved array 'image-encoder.dense-1.weight' has shape [16, 16] but the model expects [25, 16]");
        ModelState withoutVocabulary = ModelState.builder().build();
        assertThatThrownBy(() -> ClipModel.restore(params, TEST.schema(), withoutVocabulary))
                .hasMessageContaining("missing attribute 'vocabulary'");
    }

    @Test
    void evaluationGivesTheLossAndItsTermsRepeatablyForASeed() {
        Map<String, Double> first = model.evaluate(TEST, 7);
        Map<String, Double> again = model.evaluate(TEST, 7);

        assertThat(first).containsOnlyKeys("info-nce", "image-to-text-loss", "text-to-image-loss");
        assertThat(again).isEqualTo(first);
        assertThat(first.get("info-nce"))
                .isCloseTo((first.get("image-to-text-loss") + first.get("text-to-image-loss")) / 2, within(1e-5));
        assertThat(model.evaluate(TEST.withoutTargets(), 7)).isEmpty();
    }

    @Test
    void theArtifactsAreARetrievalGridAndOneEmbeddingRowPerImage(@TempDir Path dir) throws Exception {
        List<String> files = model.writeArtifacts(TEST, dir, 1);

        assertThat(files).containsExactly("retrieval.png", "image-embeddings.csv");
        List<String> lines = Files.readAllLines(dir.resolve("image-embeddings.csv"));
        assertThat(lines).hasSize(TEST.rows() + 1);
        assertThat(lines.get(0)).isEqualTo("e1,e2,e3,e4,e5,e6,e7,e8,label");
        assertThat(lines.get(4)).endsWith(",3");
        byte[] png = Files.readAllBytes(dir.resolve("retrieval.png"));
        // PNG header: width and height of 4 rows of 8 images of 4×4 pixels, with 2-pixel gaps around each.
        int width = ByteBuffer.wrap(png, 16, 4).getInt();
        int height = ByteBuffer.wrap(png, 20, 4).getInt();
        assertThat(width).isEqualTo(8 * 4 + 9 * 2);
        assertThat(height).isEqualTo(4 * 4 + 5 * 2);
    }
}
