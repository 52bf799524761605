package dev.grove.nlp.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The fused self-attention op against its definition: {@link ScaledDotProductAttention} on the
 * queries, keys and values sliced out of the joint projection and split into heads with tensor ops,
 * for the values, the weights and the gradient with respect to the projection; and a
 * finite-difference gradient check of the op itself.
 */
class FusedSelfAttentionTest {

    /** softmax(QKᵀ/√d_k + mask)·V per head from recorded tensor ops, the heads joined to [batch, steps, d]. */
    private static ScaledDotProductAttention.Result unfused(Tensor projected, int heads, boolean causal) {
        int batch = projected.dim(0);
        int steps = projected.dim(1);
        int d = projected.dim(2) / 3;
        Tensor[] parts = new Tensor[3];
        for (int part = 0; part < 3; part++) {
            parts[part] = projected.slice(2, part * d, (part + 1) * d).reshape(batch, steps, heads, d / heads)
                    .permute(0, 2, 1, 3);
        }
        Tensor mask = causal ? ScaledDotProductAttention.causalMask(steps) : null;
        ScaledDotProductAttention.Result result = ScaledDotProductAttention.attendWithWeights(parts[0], parts[1], parts[2],
                mask, 0f, false, new Rng(0));
        return new ScaledDotProductAttention.Result(result.output().permute(0, 2, 1, 3).reshape(batch, steps, d),
                result.weights());
    }

    /** The gradient of sum(attention(projected) · upstream) with respect to the projection. */
    private static float[] gradient(Tensor projected, Tensor upstream, int heads, boolean causal, boolean fused) {
        Tensor input = projected.detach().requiresGrad(true);
        Tensor output = fused ? FusedSelfAttention.attend(input, heads, causal).output() : unfused(input, heads, causal).output();
        output.mul(upstream).sum().backward();
        return input.grad().toFloatArray();
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i],
                    org.assertj.core.api.Assertions.within(tolerance * (1 + Math.abs(expected[i]))));
        }
    }

    /** Steps beyond one causal block of queries (48) and a ragged last block exercise the blocked products. */
    private static void matchesTheDefinition(int batch, int steps, int d, int heads, boolean causal) {
        Tensor projected = Tensor.randn(new Rng(steps), batch, steps, 3 * d);
        ScaledDotProductAttention.Result fused = FusedSelfAttention.attend(projected, heads, causal);
        ScaledDotProductAttention.Result reference = unfused(projected, heads, causal);
        assertClose(fused.output().toFloatArray(), reference.output().toFloatArray(), 1e-5);
        assertClose(fused.weights().toFloatArray(), reference.weights().toFloatArray(), 1e-5);
        Tensor upstream = Tensor.randn(new Rng(steps + 1), batch, steps, d);
        assertClose(gradient(projected, upstream, heads, causal, true), gradient(projected, upstream, heads, causal, false),
                1e-4);
    }

    @Test
    void causalAttentionMatchesTheDefinitionAcrossQueryBlocks() {
        matchesTheDefinition(2, 101, 16, 2, true);
    }

    @Test
    void unmaskedAttentionMatchesTheDefinitionAcrossQueryBlocks() {
        matchesTheDefinition(2, 53, 16, 4, false);
    }

    @Test
    void smallHeadsNarrowerThanAVectorMatchTheDefinition() {
        matchesTheDefinition(3, 7, 6, 3, true);
    }

    @Test
    void causalWeightsAreZeroAboveTheDiagonal() {
        Tensor weights = FusedSelfAttention.attend(Tensor.randn(new Rng(5), 1, 60, 12), 2, true).weights();
        float[] w = weights.toFloatArray();
        for (int head = 0; head < 2; head++) {
            for (int query = 0; query < 60; query++) {
                double total = 0;
                for (int key = 0; key < 60; key++) {
                    float value = w[(head * 60 + query) * 60 + key];
                    if (key > query) {
                        assertThat(value).isZero();
                    }
                    total += value;
                }
                assertThat(total).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        for (boolean causal : new boolean[] {true, false}) {
            GradientCheck.Result result = GradientCheck.standard().check(
                    args -> FusedSelfAttention.attend(args[0], 2, causal).output(),
                    GradientCheck.spread(12, 2, 5, 12).mul(0.5f));
            assertThat(result.passed()).as(result.failure()).isTrue();
        }
    }
}
