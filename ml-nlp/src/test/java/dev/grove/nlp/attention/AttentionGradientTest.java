package dev.grove.nlp.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerGradientCheck;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference gradient checks of the attention layers on small shapes: every parameter,
 * including the layer norms inside the transformer blocks, and the input.
 */
class AttentionGradientTest {

    private static Layer build(LayerSpec spec, int... inputShape) {
        return spec.build(inputShape, new Rng(11));
    }

    /** Distinct values in [-0.47, 0.47]: apart by more than the step, small enough not to saturate the softmax. */
    private static Tensor input(long seed, int... shape) {
        return GradientCheck.spread(seed, shape).mul(0.25f);
    }

    /**
     * Distinct values in [-1.9, 1.9]: the layer norms at the start of each block branch divide by the
     * spread of only 4 features, which must stay large next to the step for central differences to hold.
     */
    private static Tensor wideInput(long seed, int... shape) {
        return GradientCheck.spread(seed, shape);
    }

    /** Every input and parameter value, in inference passes, has the gradient central differences give. */
    private static void assertGradients(Layer layer, Tensor input) {
        GradientCheck.Result result = LayerGradientCheck.standard().check(layer, input, Pass::inference);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(input.size() + Layers.parameterCount(layer));
    }

    @Test
    void multiHeadAttention() {
        Layer attention = build(new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(2)), 3, 4);
        assertGradients(attention, input(1, 2, 3, 4));
    }

    @Test
    void causalMultiHeadAttentionWithoutBiases() {
        Layer attention = build(new MultiHeadAttentionSpec(new MultiHeadAttentionParams(2, true, 0, false)), 4, 4);
        assertGradients(attention, input(2, 2, 4, 4));
    }

    @Test
    void transformerEncoderBlockIncludingItsLayerNorms() {
        Layer block = build(TransformerBlockSpec.encoder(new TransformerEncoderParams(2, 6, 0, false)), 3, 4);
        assertGradients(block, wideInput(3, 2, 3, 4));
    }

    @Test
    void transformerDecoderBlockIncludingItsLayerNorms() {
        Layer block = build(TransformerBlockSpec.decoder(new TransformerDecoderParams(2, 6, 0)), 3, 4);
        assertGradients(block, wideInput(4, 2, 3, 4));
    }

    @Test
    void learnedPositions() {
        Layer positions = build(new PositionsSpec(PositionsParams.of("learned")), 3, 2);
        assertGradients(positions, input(5, 2, 3, 2));
    }

    @Test
    void scaledDotProductAttentionWithAMaskThroughQueryKeyAndValue() {
        Tensor blocked = Tensor.of(new float[] {0, 1, 0, 0, 0, 1, 1, 0, 0}, 3, 3);
        GradientCheck.Result result = GradientCheck.standard().check(
                args -> ScaledDotProductAttention.attend(args[0], args[1], args[2], blocked, 0f, false, new Rng(0)),
                input(6, 2, 3, 2), input(7, 2, 3, 2), input(8, 2, 3, 3));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void exactGelu() {
        GradientCheck.Result result = GradientCheck.standard().check(args -> Gelu.apply(args[0]),
                GradientCheck.spread(9, 40).mul(1.5f));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void exactGeluWithAFusedBias() {
        GradientCheck.Result result = GradientCheck.standard().check(args -> Gelu.apply(args[0], args[1]),
                GradientCheck.spread(10, 6, 5).mul(1.5f), GradientCheck.spread(11, 5));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }
}
