package dev.grove.nlp.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Schema;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerGradientCheck;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding layer: lookups, the scatter-add gradient, sizes from the data, and bad ids. */
class EmbeddingLayerTest {

    private static Layer build(int dim, int vocabulary, int steps) {
        return new EmbeddingSpec(new EmbeddingParams(dim, vocabulary)).build(new int[] {steps}, new Rng(3));
    }

    @Test
    void eachIdSelectsItsRow() {
        Layer embedding = build(3, 5, 4);
        float[] table = Layers.parameters(embedding).get("weight").value().toFloatArray();
        float[] ids = {4, 0, 4, 2, 1, 1, 3, 0};

        Tensor out = embedding.forward(Tensor.of(ids, 2, 4), Pass.inference());

        assertThat(out.shape()).containsExactly(2, 4, 3);
        float[] values = out.toFloatArray();
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(values[i * 3 + j]).isEqualTo(table[(int) ids[i] * 3 + j]);
            }
        }
    }

    @Test
    void theWeightsStartNormal() {
        float[] table = Layers.parameters(build(50, 200, 1)).get("weight").value().toFloatArray();
        double mean = 0;
        double square = 0;
        for (float v : table) {
            mean += v / table.length;
            square += (double) v * v / table.length;
        }
        // 10,000 draws of N(0, 1): the mean within 4 standard errors (0.04), the variance within 0.06.
        assertThat(mean).isCloseTo(0, within(0.04));
        assertThat(square - mean * mean).isCloseTo(1, within(0.06));
    }

    @Test
    void repeatedIdsSumTheirGradientsAndThePassesTheGradientCheck() {
        Layer embedding = build(3, 5, 4);
        Tensor ids = Tensor.of(new float[] {4, 0, 4, 2, 1, 4, 3, 0}, 2, 4);
        GradientCheck.Result result = LayerGradientCheck.standard().checkParameters(embedding, ids, Pass::inference);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(5 * 3);

        embedding.parameters().get(0).value().zeroGrad();
        embedding.forward(ids, Pass.inference()).sum().backward();
        float[] grad = embedding.parameters().get(0).value().grad().toFloatArray();
        // Row 4 is used three times, rows 0 twice, 1, 2 and 3 once: d sum / d w[row] = uses.
        float[] uses = {2, 1, 1, 1, 3};
        for (int row = 0; row < 5; row++) {
            for (int j = 0; j < 3; j++) {
                assertThat(grad[row * 3 + j]).isEqualTo(uses[row]);
            }
        }
    }

    @Test
    void vocabSizeComesFromTheData() {
        Schema text = new Schema(List.of("t0", "t1"), null, List.of(), List.of(2), List.of("<unk>", "a", "b", "c"), null);
        EmbeddingSpec spec = new EmbeddingSpec(new EmbeddingParams(8, 0));

        Layer embedding = spec.forData(text).build(new int[] {2}, new Rng(0));

        assertThat(Layers.parameters(embedding).get("weight").value().shape()).containsExactly(4, 8);
        assertThatThrownBy(() -> spec.forData(Schema.unlabelled(List.of("x"))))
                .hasMessage("embedding: vocab-size is not set and the data carries no vocabulary (its features are not"
                        + " token ids from a text source); set vocab-size");
        assertThatThrownBy(() -> spec.build(new int[] {2}, new Rng(0))).hasMessageContaining("embedding: vocab-size is not set");
    }

    @Test
    void idsOutsideTheVocabularyAreNamedWithTheirPosition() {
        Layer embedding = build(2, 5, 3);
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new float[] {0, 1, 2, 3, 5, 1}, 2, 3), Pass.inference()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("embedding: token id 5 at [1, 1] (sample, step) is outside the vocabulary of 5 tokens (ids 0 to 4)");
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new float[] {-1, 1, 2}, 1, 3), Pass.inference()))
                .hasMessageContaining("token id -1 at [0, 0]");
        assertThatThrownBy(() -> embedding.forward(Tensor.of(new float[] {0, 1.5f, 2}, 1, 3), Pass.inference()))
                .hasMessageContaining("token id 1.5 at [0, 1]");
        assertThatThrownBy(() -> new EmbeddingSpec(new EmbeddingParams(4, 10)).build(new int[] {3, 4}, new Rng(0)))
                .hasMessage("embedding needs [steps] token ids input, got [3, 4]");
    }
}
