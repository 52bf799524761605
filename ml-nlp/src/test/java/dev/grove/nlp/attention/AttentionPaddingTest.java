package dev.grove.nlp.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerGradientCheck;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Attention with padding: at a sample's real positions the output is the output of the same
 * sentence without its padded positions, for the fused op and for the layer's fused and
 * recorded-ops (attention dropout) paths, with and without the causal mask, and for the transformer
 * blocks; padded keys get weight 0 and pass no gradient to the real outputs; gradients agree with
 * central differences; a query with only padded keys (an all-padding row, or leading padding under
 * the causal mask) stays finite and attends as without padding.
 */
class AttentionPaddingTest {

    /** Attention dropout so small nothing is dropped in these tests' few weights, yet the recorded-ops path runs. */
    private static final double TINY_DROPOUT = 1e-6;

    /** The flags for {@code batch} samples of {@code steps}: true where {@code pattern[sample]} has a 'p'. */
    private static Padding padding(String... pattern) {
        int steps = pattern[0].length();
        boolean[] padded = new boolean[pattern.length * steps];
        for (int sample = 0; sample < pattern.length; sample++) {
            for (int step = 0; step < steps; step++) {
                padded[sample * steps + step] = pattern[sample].charAt(step) == 'p';
            }
        }
        return new Padding(padded, pattern.length, steps);
    }

    /** The real steps of {@code sample} of {@code x} {@code [batch, steps, features]}, as a batch of one {@code [1, real, features]}. */
    private static Tensor realSteps(Tensor x, Padding padding, int sample) {
        int steps = x.dim(1);
        int features = x.dim(2);
        float[] values = x.toFloatArray();
        float[] real = new float[padding.realSteps(sample) * features];
        int row = 0;
        for (int step = 0; step < steps; step++) {
            if (!padding.isPadded(sample, step)) {
                System.arraycopy(values, (sample * steps + step) * features, real, row++ * features, features);
            }
        }
        return Tensor.of(real, 1, row, features);
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }

    /** Every real position of every sample with a real step: {@code padded(x)} there equals {@code unpadded(sentence)}. */
    private static void assertRealPositionsMatch(Tensor x, Padding padding, Tensor paddedOutput,
                                                 java.util.function.Function<Tensor, Tensor> unpadded) {
        for (int sample = 0; sample < padding.batch(); sample++) {
            if (padding.realSteps(sample) == 0) {
                continue;
            }
            float[] expected = unpadded.apply(realSteps(x, padding, sample)).toFloatArray();
            float[] actual = realSteps(paddedOutput, padding, sample).toFloatArray();
            assertClose(actual, expected, 1e-5);
        }
    }

    @Test
    void fusedOpAtRealPositionsIsTheUnpaddedSentencesAcrossQueryBlocks() {
        // 60 steps: more than one block of 48 causal queries. Trailing, leading and scattered padding.
        StringBuilder trailing = new StringBuilder("r".repeat(50)).append("p".repeat(10));
        StringBuilder leading = new StringBuilder("p".repeat(7)).append("r".repeat(53));
        StringBuilder scattered = new StringBuilder();
        for (int step = 0; step < 60; step++) {
            scattered.append(step % 3 == 1 ? 'p' : 'r');
        }
        Padding padding = padding(trailing.toString(), leading.toString(), scattered.toString(), "r".repeat(60));
        Tensor projected = Tensor.randn(new Rng(21), 4, 60, 3 * 8);
        for (boolean causal : new boolean[] {false, true}) {
            ScaledDotProductAttention.Result result = FusedSelfAttention.attend(projected, 2, causal, padding);
            assertRealPositionsMatch(projected, padding, result.output(),
                    sentence -> FusedSelfAttention.attend(sentence, 2, causal).output());
            float[] weights = result.weights().toFloatArray();
            for (int sample = 0; sample < 3; sample++) {
                for (int query = 0; query < 60; query++) {
                    for (int key = 0; key < 60; key++) {
                        boolean seesARealKey = false;
                        for (int k = 0; k <= (causal ? query : 59); k++) {
                            seesARealKey |= !padding.isPadded(sample, k);
                        }
                        if (seesARealKey && padding.isPadded(sample, key)) {
                            assertThat(weights[((sample * 2) * 60 + query) * 60 + key]).isZero();
                        }
                    }
                }
            }
        }
    }

    private static Layer attention(boolean causal, double dropout) {
        return new MultiHeadAttentionSpec(new MultiHeadAttentionParams(2, causal, dropout, true)).build(new int[] {6, 4},
                new Rng(13));
    }

    @Test
    void layerAtRealPositionsIsTheUnpaddedSentencesOnBothPaths() {
        Padding padding = padding("rrrrpp", "pprrrr", "rprrpr");
        Tensor x = Tensor.randn(new Rng(3), 3, 6, 4);
        for (boolean causal : new boolean[] {false, true}) {
            Layer fused = attention(causal, 0);
            assertRealPositionsMatch(x, padding, fused.forward(x, Pass.inference().withPadding(padding)),
                    sentence -> fused.forward(sentence, Pass.inference()));
            Layer recorded = attention(causal, TINY_DROPOUT);
            assertRealPositionsMatch(x, padding, recorded.forward(x, new Pass(true, new Rng(1)).withPadding(padding)),
                    sentence -> recorded.forward(sentence, new Pass(true, new Rng(1))));
        }
    }

    @Test
    void transformerBlocksAtRealPositionsAreTheUnpaddedSentences() {
        Padding padding = padding("rrrpp", "rrrrr", "prrrp");
        Tensor x = Tensor.randn(new Rng(4), 3, 5, 4);
        Layer encoder = TransformerBlockSpec.encoder(TransformerEncoderParams.of(2)).build(new int[] {5, 4}, new Rng(5));
        Layer decoder = TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)).build(new int[] {5, 4}, new Rng(6));
        for (Layer block : new Layer[] {encoder, decoder}) {
            assertRealPositionsMatch(x, padding, block.forward(x, Pass.inference().withPadding(padding)),
                    sentence -> block.forward(sentence, Pass.inference()));
        }
    }

    @Test
    void paddedInputsPassNoGradientToRealOutputs() {
        Padding padding = padding("rrrrpp", "pprrrr", "rprrpr");
        float[] realOnly = new float[3 * 6 * 4];
        for (int at = 0; at < realOnly.length; at++) {
            realOnly[at] = padding.padded()[at / 4] ? 0f : 1f;
        }
        for (boolean causal : new boolean[] {false, true}) {
            for (double dropout : new double[] {0, TINY_DROPOUT}) {
                Tensor x = Tensor.randn(new Rng(7), 3, 6, 4).requiresGrad(true);
                attention(causal, dropout).forward(x, new Pass(dropout > 0, new Rng(2)).withPadding(padding))
                        .mul(Tensor.of(realOnly, 3, 6, 4)).sum().backward();
                float[] gradient = x.grad().toFloatArray();
                for (int at = 0; at < gradient.length; at++) {
                    if (padding.padded()[at / 4]) {
                        assertThat(gradient[at]).as("causal %s dropout %s element %d", causal, dropout, at).isZero();
                    } else {
                        assertThat(gradient[at]).as("element %d", at).isNotZero();
                    }
                }
            }
        }
    }

    private static void assertGradients(Layer layer, Tensor input, Supplier<Pass> pass) {
        GradientCheck.Result result = LayerGradientCheck.standard().check(layer, input, pass);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(input.size() + Layers.parameterCount(layer));
    }

    @Test
    void gradientsWithPaddingMatchCentralDifferences() {
        Padding padding = padding("rrpp", "prrr");
        Tensor input = GradientCheck.spread(9, 2, 4, 4).mul(0.25f);
        for (boolean causal : new boolean[] {false, true}) {
            Layer fused = new MultiHeadAttentionSpec(new MultiHeadAttentionParams(2, causal, 0, true)).build(new int[] {4, 4},
                    new Rng(11));
            assertGradients(fused, input, () -> Pass.inference().withPadding(padding));
            Layer recorded = new MultiHeadAttentionSpec(new MultiHeadAttentionParams(2, causal, TINY_DROPOUT, true))
                    .build(new int[] {4, 4}, new Rng(11));
            assertGradients(recorded, input, () -> new Pass(true, new Rng(3)).withPadding(padding));
        }
        Layer encoder = TransformerBlockSpec.encoder(new TransformerEncoderParams(2, 6, 0, false)).build(new int[] {4, 4},
                new Rng(12));
        assertGradients(encoder, GradientCheck.spread(10, 2, 4, 4), () -> Pass.inference().withPadding(padding));
    }

    @Test
    void queriesWithOnlyPaddedKeysAttendAsWithoutPadding() {
        // Sample 0 is all padding; sample 1 starts with padding, so under the causal mask its first
        // query sees only a padded key.
        Padding padding = padding("pppppp", "pprrrr");
        Tensor x = Tensor.randn(new Rng(8), 2, 6, 4);
        for (boolean causal : new boolean[] {false, true}) {
            for (double dropout : new double[] {0, TINY_DROPOUT}) {
                Layer layer = attention(causal, dropout);
                Supplier<Pass> pass = () -> new Pass(dropout > 0, new Rng(4));
                float[] padded = layer.forward(x, pass.get().withPadding(padding)).toFloatArray();
                float[] unpadded = layer.forward(x, pass.get()).toFloatArray();
                for (float value : padded) {
                    assertThat(value).isFinite();
                }
                // The all-padding sample: exactly as without padding.
                assertClose(java.util.Arrays.copyOfRange(padded, 0, 24), java.util.Arrays.copyOfRange(unpadded, 0, 24), 1e-6);
                if (causal) {
                    // Sample 1's first query sees only key 0 (padding) and attends to it, as without padding.
                    assertClose(java.util.Arrays.copyOfRange(padded, 24, 28), java.util.Arrays.copyOfRange(unpadded, 24, 28),
                            1e-6);
                }
            }
        }
    }
}
