package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.neural.layer.LayerGradientCheck;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finite-difference checks of the text encoder: token embeddings, its dense layers, the pooling input. */
class TextEncoderGradientTest {

    private static final int VOCABULARY = 6;

    private static ClipEncoders encoders() {
        return ClipEncoders.build(ToyImages.params().withDims(3, 4), ToyImages.schema(List.of(1, 4, 4)),
                VOCABULARY, new Rng(7));
    }

    @Test
    void everyParameterAndThePoolingWeightsGetTheirGradientsRight() {
        TextEncoderLayer text = encoders().text();
        Tensor bags = TokenBags.of(new int[][] {{1, 2, 5}, {0, 3}, {4, 4, 2, 1}}, VOCABULARY);

        GradientCheck.Result result = LayerGradientCheck.standard().check(text, bags, Pass::inference);

        assertThat(result.passed()).as(result.failure()).isTrue();
        // Pooling input 3·6, token embeddings 6·3, dense 3→16 (+bias), projection 16→4 (no bias).
        assertThat(result.checked()).isEqualTo(18 + 18 + 48 + 16 + 64);
    }

    @Test
    void theNormalisedTextEmbeddingFeedsTheLossWithTheRightGradientForTheTokenEmbeddings() {
        ClipEncoders encoders = encoders();
        Tensor bags = TokenBags.of(new int[][] {{1, 2}, {3, 5}, {4}}, VOCABULARY);
        Tensor images = ContrastiveLoss.normalise(GradientCheck.spread(8, 3, 4));
        Tensor targets = ContrastiveLoss.targets(new int[] {0, 1, 2}, ContrastiveLoss.Positives.PAIR);

        GradientCheck.Result result = GradientCheck.standard().check(
                in -> ContrastiveLoss.symmetric(images, encoders.embedTexts(in[0], Pass.inference()),
                        Tensor.of(new float[] {3}, 1), targets).total(), bags);

        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void poolingIsTheMeanOfTheTokenEmbeddings() {
        Tensor bags = TokenBags.of(new int[][] {{1, 3, 3}}, 4);
        Tensor table = Tensor.of(new float[] {0, 0, 1, 2, 0, 0, 4, 8}, 4, 2);

        assertThat(bags.matmul(table).toFloatArray()).containsExactly((1 + 4 + 4) / 3f, (2 + 8 + 8) / 3f);
    }
}
