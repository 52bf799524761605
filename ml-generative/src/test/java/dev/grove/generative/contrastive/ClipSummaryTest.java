package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.grove.api.model.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The clip estimator's layer table: the image encoder's rows, then the text encoder's, against counts worked out by hand. */
class ClipSummaryTest {

    @Test
    void theEncodersAreSummarisedPartByPartWithTheTokenEmbeddingsOfTheCaptionVocabulary() {
        // Captions "a photo of a {class}" with the four compass words: <unk>, a, photo, of and 4 class words = 8 tokens.
        ClipParams params = ToyImages.params().withTemplates(List.of("a photo of a {class}"), List.of("a {class}"));

        Summary summary = new Clip(params).summary(ToyImages.schema(List.of(1, 4, 4)));

        // Image: 16 pixels -> dense 16 (with bias) -> projection to 8 (no bias). Text: 8 tokens x 8 dims,
        // dense 8 -> 16 (with bias), projection 16 -> 8 (no bias).
        assertThat(summary.rows()).filteredOn(row -> row.parameters() > 0)
                .extracting(Summary.Row::name, Summary.Row::outputShape, Summary.Row::parameters)
                .containsExactly(
                        tuple("image-encoder.dense-1", List.of(16), 16L * 16 + 16),
                        tuple("image-encoder.dense-2", List.of(8), 16L * 8),
                        tuple("text-encoder", List.of(8), 8L * 8),
                        tuple("text-encoder.layers.dense-1", List.of(16), 8L * 16 + 16),
                        tuple("text-encoder.layers.dense-2", List.of(8), 16L * 8));
        assertThat(summary.total()).isEqualTo(272L + 128 + 64 + 144 + 128);
        assertThat(summary.trainable()).isEqualTo(summary.total());
    }
}
