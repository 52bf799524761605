package dev.grove.nlp.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attention values against hand computations, and the causal mask's promise that the future is not seen. */
class AttentionValuesTest {

    /** Two steps of two features: x = [[1, 0], [0, 2]]. */
    private static final Tensor X = Tensor.of(new float[] {1, 0, 0, 2}, 2, 2);

    /*
     * With Q = K = V = X and d_k = 2, the scores X·Xᵀ/√2 are [[1/√2, 0], [0, 4/√2]]. By hand:
     * row 0: softmax(0.70711, 0) = (2.02811, 1) / 3.02811 = (0.669762, 0.330238), output (0.669762, 0.660477);
     * row 1: softmax(0, 2.82843) = (1, 16.91883) / 17.91883 = (0.055807, 0.944193), output (0.055807, 1.888386).
     */
    private static final float[] WEIGHTS = {0.669762f, 0.330238f, 0.055807f, 0.944193f};
    private static final float[] OUTPUT = {0.669762f, 0.660477f, 0.055807f, 1.888386f};

    @Test
    void scaledDotProductAttentionMatchesTheHandComputation() {
        ScaledDotProductAttention.Result result = ScaledDotProductAttention.attendWithWeights(X, X, X, null, 0f, false,
                new Rng(0));
        assertThat(result.weights().toFloatArray()).containsExactly(WEIGHTS, within(1e-5f));
        assertThat(result.output().toFloatArray()).containsExactly(OUTPUT, within(1e-5f));
    }

    @Test
    void causalMaskLetsTheFirstStepSeeOnlyItself() {
        ScaledDotProductAttention.Result result = ScaledDotProductAttention.attendWithWeights(X, X, X,
                ScaledDotProductAttention.causalMask(2), 0f, false, new Rng(0));
        // Row 0 sees key 0 only (weight 1, output its value (1, 0)); row 1 sees both keys, as without a mask.
        assertThat(result.weights().toFloatArray()).containsExactly(new float[] {1, 0, WEIGHTS[2], WEIGHTS[3]}, within(1e-5f));
        assertThat(result.output().toFloatArray()).containsExactly(new float[] {1, 0, OUTPUT[2], OUTPUT[3]}, within(1e-5f));
    }

    @Test
    void aQueryWithEveryKeyBlockedGetsZeroWeightsAndOutputWithoutNaN() {
        Tensor blocked = Tensor.of(new float[] {1, 1, 0, 0}, 2, 2);
        Tensor query = X.copy().requiresGrad(true);
        ScaledDotProductAttention.Result result = ScaledDotProductAttention.attendWithWeights(query, X, X, blocked, 0f,
                false, new Rng(0));
        assertThat(result.weights().toFloatArray()).containsExactly(new float[] {0, 0, WEIGHTS[2], WEIGHTS[3]}, within(1e-5f));
        assertThat(result.output().toFloatArray()).containsExactly(new float[] {0, 0, OUTPUT[2], OUTPUT[3]}, within(1e-5f));
        result.output().sum().backward();
        float[] gradient = query.grad().toFloatArray();
        assertThat(gradient[0]).isZero();
        assertThat(gradient[1]).isZero();
        assertThat(gradient[2]).isFinite();
    }

    @Test
    void multiHeadAttentionWithIdentityProjectionsSetByHandIsPlainAttention() {
        Layer attention = new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(1)).build(new int[] {2, 2}, new Rng(0));
        Map<String, dev.grove.neural.layer.Parameter> parameters = Layers.parameters(attention);
        // in-weight [2, 6] = [I | I | I] (query, key, value), out-weight I, biases 0.
        parameters.get("in-weight").assign(new float[] {1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1});
        parameters.get("out-weight").assign(new float[] {1, 0, 0, 1});
        Tensor batch = X.reshape(1, 2, 2);
        assertThat(attention.forward(batch, Pass.inference()).toFloatArray()).containsExactly(OUTPUT, within(1e-5f));
        assertThat(((AttentionWeights) attention).attentionWeights(X).toFloatArray()).containsExactly(WEIGHTS, within(1e-5f));

        // A bias on the output projection is added to every step.
        parameters.get("out-bias").assign(new float[] {0.5f, -1});
        float[] shifted = {OUTPUT[0] + 0.5f, OUTPUT[1] - 1, OUTPUT[2] + 0.5f, OUTPUT[3] - 1};
        assertThat(attention.forward(batch, Pass.inference()).toFloatArray()).containsExactly(shifted, within(1e-5f));
    }

    @Test
    void causalLayersNeverLookAtLaterSteps() {
        int steps = 5;
        int features = 4;
        Layer decoder = TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)).build(new int[] {steps, features},
                new Rng(3));
        Layer attention = new MultiHeadAttentionSpec(new MultiHeadAttentionParams(2, true, 0, true))
                .build(new int[] {steps, features}, new Rng(4));
        float[] values = Tensor.randn(new Rng(5), 1, steps, features).toFloatArray();
        for (int changed = 1; changed < steps; changed++) {
            float[] altered = values.clone();
            for (int f = 0; f < features; f++) {
                altered[changed * features + f] += 3f;
            }
            for (Layer layer : new Layer[] {decoder, attention}) {
                float[] before = layer.forward(Tensor.of(values, 1, steps, features), Pass.inference()).toFloatArray();
                float[] after = layer.forward(Tensor.of(altered, 1, steps, features), Pass.inference()).toFloatArray();
                int earlier = changed * features;
                assertThat(java.util.Arrays.copyOf(after, earlier)).as(layer.kind() + ", step " + changed + " changed")
                        .containsExactly(java.util.Arrays.copyOf(before, earlier));
                assertThat(after[earlier]).as(layer.kind() + ": the changed step's own output moves").isNotEqualTo(before[earlier]);
            }
        }
    }

    @Test
    void encoderBlockWithoutMaskLetsEarlierStepsSeeLaterOnes() {
        Layer encoder = TransformerBlockSpec.encoder(TransformerEncoderParams.of(2)).build(new int[] {3, 4}, new Rng(3));
        float[] values = Tensor.randn(new Rng(6), 1, 3, 4).toFloatArray();
        float[] altered = values.clone();
        altered[2 * 4] += 3f;
        float first = encoder.forward(Tensor.of(values, 1, 3, 4), Pass.inference()).get(0, 0, 0);
        float firstAfter = encoder.forward(Tensor.of(altered, 1, 3, 4), Pass.inference()).get(0, 0, 0);
        assertThat(firstAfter).isNotEqualTo(first);
    }

    @Test
    void exactGeluMatchesErf() {
        // 0.5·x·(1 + erf(x/√2)) from Python's math.erf.
        float[] x = {-3, -1, -0.5f, 0, 0.5f, 1, 2};
        float[] expected = {-0.0040496941f, -0.15865525f, -0.15426877f, 0, 0.34573123f, 0.84134475f, 1.9544997f};
        assertThat(Gelu.apply(Tensor.of(x)).toFloatArray()).containsExactly(expected, within(2e-7f));
        assertThat(Gelu.apply(Tensor.of(x).requiresGrad(true)).toFloatArray()).containsExactly(expected, within(2e-7f));
        // Far in the tail the value is tiny and must still be right relative to its size: -5·Φ(-5) = -1.4332579e-6.
        assertThat(Gelu.apply(Tensor.of(new float[] {-5})).item()).isCloseTo(-1.4332579e-6f, within(1e-12f));
        assertThat(Gelu.apply(Tensor.of(new float[] {-5}).requiresGrad(true)).item()).isCloseTo(-1.4332579e-6f,
                within(1e-12f));
        // A fused bias is added before the GELU: GELU(-1.5 + 0.5) = GELU(-1).
        assertThat(Gelu.apply(Tensor.of(new float[] {-1.5f, 0.5f}, 1, 2), Tensor.of(new float[] {0.5f, -1f}))
                .toFloatArray()).containsExactly(new float[] {-0.15865525f, -0.15426877f}, within(2e-7f));
    }

    @Test
    void residualDropoutActsInTrainingOnly() {
        Layer block = TransformerBlockSpec.encoder(new TransformerEncoderParams(2, 0, 0.5, false))
                .build(new int[] {3, 4}, new Rng(3));
        Tensor x = Tensor.randn(new Rng(7), 2, 3, 4);
        float[] inference = block.forward(x, Pass.inference()).toFloatArray();
        assertThat(block.forward(x, Pass.inference()).toFloatArray()).containsExactly(inference);
        assertThat(block.forward(x, new Pass(true, new Rng(1))).toFloatArray()).isNotEqualTo(inference);
    }
}
