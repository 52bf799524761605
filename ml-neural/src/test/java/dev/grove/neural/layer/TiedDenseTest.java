package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code dense: {tie: …}}: a dense layer whose weight is an earlier layer's, transposed and shared.
 * Here an autoencoder-style pair, dense-1 (3 → 4) and dense-2 (4 → 3) tied to it; an embedding
 * tied to a language model's output layer is the same mechanism (see the masked-token end-to-end test).
 */
class TiedDenseTest {

    private static final SequentialSpec TIED_PAIR = SequentialSpec.of(new DenseSpec(DenseParams.of(4, "tanh")),
            new DenseSpec(DenseParams.of(3, "linear").withTie("dense-1")));

    @Test
    void theTiedLayerOwnsOnlyItsBiasAndMultipliesByTheSharedWeightTransposedAndScaled() {
        Layer pair = TIED_PAIR.build(new int[] {3}, new Rng(3));
        assertThat(Layers.parameters(pair).keySet()).containsExactly("dense-1.weight", "dense-1.bias", "dense-2.bias");
        assertThat(Layers.parameterCount(pair)).isEqualTo(3 * 4 + 4 + 3);
        Layers.parameters(pair).get("dense-2.bias").assign(new float[] {0.1f, -0.2f, 0.3f});
        float[] w = Layers.parameters(pair).get("dense-1.weight").value().toFloatArray();
        float[] x = {0.5f, -1f, 2f};

        float[] y = pair.forward(Tensor.of(x, 1, 3), Pass.inference()).toFloatArray();

        // By hand: h = tanh(x·W) (W is [3, 4], bias 0 at the start), y = h·Wᵀ/√4 + b2.
        float[] h = new float[4];
        for (int j = 0; j < 4; j++) {
            float sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += x[i] * w[i * 4 + j];
            }
            h[j] = (float) Math.tanh(sum);
        }
        float[] bias = {0.1f, -0.2f, 0.3f};
        for (int i = 0; i < 3; i++) {
            float expected = bias[i];
            for (int j = 0; j < 4; j++) {
                expected += h[j] * w[i * 4 + j] / 2;
            }
            assertThat(y[i]).as("output %d", i).isCloseTo(expected, offset(1e-6f));
        }
    }

    @Test
    void theSharedWeightGetsTheGradientOfBothUses() {
        Layer pair = TIED_PAIR.build(new int[] {3}, new Rng(3));
        Tensor input = GradientCheck.spread(7, 2, 3).mul(0.5f);

        GradientCheck.Result result = LayerGradientCheck.standard().check(pair, input, Pass::inference);

        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(input.size() + Layers.parameterCount(pair));
    }

    @Test
    void tieNamesAnEarlierLayerOfTheSameListWithAWeightOfTheRightShape() {
        assertThatThrownBy(() -> SequentialSpec.of(new DenseSpec(DenseParams.of(4, "tanh")),
                new DenseSpec(DenseParams.of(3, "linear").withTie("embedding-1"))).build(new int[] {3}, new Rng(1)))
                .hasMessageContaining("dense-2").hasMessageContaining("tie: embedding-1 is not an earlier layer of this list")
                .hasMessageContaining("[dense-1]");
        assertThatThrownBy(() -> SequentialSpec.of(new DenseSpec(DenseParams.of(4, "tanh")),
                new DenseSpec(DenseParams.of(5, "linear").withTie("dense-1"))).build(new int[] {3}, new Rng(1)))
                .hasMessageContaining("tie: dense-1's weight is [3, 4], but a dense layer of 5 units on 4 inputs shares"
                        + " a [5, 4] one");
        assertThatThrownBy(() -> SequentialSpec.of(new FlattenSpec(),
                new DenseSpec(DenseParams.of(3, "linear").withTie("flatten-1"))).build(new int[] {3}, new Rng(1)))
                .hasMessageContaining("tie: flatten-1 has no weight to share");
        assertThatThrownBy(() -> new DenseSpec(DenseParams.of(3, "linear").withTie("dense-1")).build(new int[] {4}, new Rng(1)))
                .hasMessageContaining("shares the weight of an earlier layer of the same list");
        assertThatThrownBy(() -> new DenseParams(3, "linear", true, "glorot-uniform", 0, 0.01, "dense-1"))
                .hasMessageContaining("a layer with tie: dense-1 has none");
    }
}
