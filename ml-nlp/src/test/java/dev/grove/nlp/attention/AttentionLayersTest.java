package dev.grove.nlp.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shapes, parameters, initial values, errors, exported weights and registration of the attention layers. */
class AttentionLayersTest {

    private static final int[] GPT_SAMPLE = {128, 128};

    @Test
    void parameterCountsEqualPyTorchs() {
        // nn.MultiheadAttention(128, 4): in_proj_weight 3·128·128 + in_proj_bias 3·128 + out_proj 128·128 + 128.
        long attention = 3 * 128 * 128 + 3 * 128 + 128 * 128 + 128;
        // Two nn.LayerNorm(128) (weight and bias each), and Linear(128, 512), Linear(512, 128).
        long norms = 2 * (2 * 128);
        long feedForward = 128 * 512 + 512 + 512 * 128 + 128;
        assertThat(attention + norms + feedForward).isEqualTo(198_272);

        Layer mha = new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(4)).build(GPT_SAMPLE, new Rng(0));
        assertThat(Layers.parameterCount(mha)).isEqualTo(attention);
        for (LayerSpec block : List.of(TransformerBlockSpec.decoder(TransformerDecoderParams.of(4)),
                TransformerBlockSpec.encoder(new TransformerEncoderParams(4, 512, 0, false)))) {
            assertThat(Layers.parameterCount(block.build(GPT_SAMPLE, new Rng(0)))).as(block.kind()).isEqualTo(198_272);
        }
    }

    @Test
    void blocksExposeTheirPartsAsNamedChildren() {
        Layer block = TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)).build(new int[] {3, 4}, new Rng(0));
        assertThat(block.children()).extracting(Layer.Child::name)
                .containsExactly("layer-norm-1", "multi-head-attention-1", "layer-norm-2", "feed-forward-1");
        assertThat(Layers.parameters(block).keySet()).containsExactly(
                "layer-norm-1.gamma", "layer-norm-1.beta",
                "multi-head-attention-1.in-weight", "multi-head-attention-1.in-bias",
                "multi-head-attention-1.out-weight", "multi-head-attention-1.out-bias",
                "layer-norm-2.gamma", "layer-norm-2.beta",
                "feed-forward-1.weight-1", "feed-forward-1.bias-1", "feed-forward-1.weight-2", "feed-forward-1.bias-2");
        assertThat(block.parameters()).isEmpty();
        assertThat(block.outputShape()).containsExactly(3, 4);
    }

    @Test
    void initialValuesFollowPyTorch() {
        Layer mha = new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(4)).build(GPT_SAMPLE, new Rng(0));
        Map<String, dev.grove.neural.layer.Parameter> p = Layers.parameters(mha);
        // xavier_uniform_ on in_proj [384, 128]: bound sqrt(6 / (128 + 384)); out_proj as nn.Linear: 1/sqrt(128).
        assertBounded(p.get("in-weight").value(), Math.sqrt(6.0 / 512));
        assertBounded(p.get("out-weight").value(), 1 / Math.sqrt(128));
        assertThat(p.get("in-bias").value().toFloatArray()).containsOnly(0f);
        assertThat(p.get("out-bias").value().toFloatArray()).containsOnly(0f);

        Layer positions = new PositionsSpec(PositionsParams.of("learned")).build(GPT_SAMPLE, new Rng(0));
        float[] table = Layers.parameters(positions).get("table").value().toFloatArray();
        double mean = 0;
        double square = 0;
        for (float v : table) {
            mean += v / table.length;
            square += (double) v * v / table.length;
        }
        // N(0, 1) as nn.Embedding: 16,384 draws, so the mean is within 4 standard errors (0.031) of 0.
        assertThat(mean).isCloseTo(0, within(0.04));
        assertThat(square - mean * mean).isCloseTo(1, within(0.05));
    }

    private static void assertBounded(Tensor weight, double bound) {
        float[] values = weight.toFloatArray();
        float largest = 0;
        for (float v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertThat((double) largest).isLessThanOrEqualTo(bound).isGreaterThan(0.95 * bound);
    }

    @Test
    void wrongInputShapesAreRejectedWithTheLayersName() {
        assertThatThrownBy(() -> new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(2)).build(new int[] {784}, new Rng(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi-head-attention: needs [steps, features] input, got [784]");
        assertThatThrownBy(() -> TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)).build(new int[] {3, 32, 32},
                new Rng(0))).hasMessage("transformer-decoder: needs [steps, features] input, got [3, 32, 32]");
        assertThatThrownBy(() -> new PositionsSpec(PositionsParams.of("sinusoidal")).build(new int[] {10}, new Rng(0)))
                .hasMessage("positions: needs [steps, features] input, got [10]");
        assertThatThrownBy(() -> new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(4)).build(new int[] {5, 6}, new Rng(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multi-head-attention: 4 heads must divide the 6 input features");
        assertThatThrownBy(() -> TransformerBlockSpec.encoder(TransformerEncoderParams.of(5)).build(new int[] {5, 6},
                new Rng(0))).hasMessageContaining("transformer-encoder: 5 heads must divide the 6 input features");
        assertThatThrownBy(() -> new PositionsSpec(new PositionsParams("learned", 8)).build(new int[] {10, 4}, new Rng(0)))
                .hasMessageContaining("positions: the input has 10 steps but max-steps is 8");

        Layer mha = new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(2)).build(new int[] {3, 4}, new Rng(0));
        assertThatThrownBy(() -> mha.forward(Tensor.zeros(2, 3, 5), Pass.inference()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multi-head-attention: was built for input [batch, steps <= 3, 4], got a tensor of shape [2, 3, 5]");
        assertThatThrownBy(() -> mha.forward(Tensor.zeros(2, 4, 4), Pass.inference()))
                .hasMessageContaining("got a tensor of shape [2, 4, 4]");
        assertThatThrownBy(() -> ScaledDotProductAttention.attend(Tensor.zeros(2, 3), Tensor.zeros(2, 4), Tensor.zeros(2, 3),
                null, 0f, false, new Rng(0))).hasMessageContaining("attention: needs query");
        assertThatThrownBy(() -> ScaledDotProductAttention.attend(Tensor.zeros(2, 3), Tensor.zeros(2, 3), Tensor.zeros(2, 3),
                Tensor.zeros(3, 3), 0f, false, new Rng(0))).hasMessageContaining("the mask of shape [3, 3] does not broadcast");
    }

    @Test
    void exportedAttentionWeightsAreRowsOfProbabilitiesThatRespectTheMask() {
        Layer block = TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)).build(new int[] {4, 4}, new Rng(1));
        Tensor sample = Tensor.randn(new Rng(2), 4, 4);
        Tensor weights = ((AttentionWeights) block).attentionWeights(sample);
        assertThat(weights.shape()).containsExactly(2, 4, 4);
        for (int head = 0; head < 2; head++) {
            for (int query = 0; query < 4; query++) {
                float total = 0;
                for (int key = 0; key < 4; key++) {
                    float w = weights.get(head, query, key);
                    if (key > query) {
                        assertThat(w).as("future weight").isZero();
                    }
                    total += w;
                }
                assertThat(total).isCloseTo(1f, within(1e-5f));
            }
        }
        // The block's weights are its attention layer's weights on the first layer norm's output.
        Layer norm = block.children().get(0).layer();
        Tensor normalised = norm.forward(sample, Pass.inference());
        AttentionWeights attention = (AttentionWeights) block.children().get(1).layer();
        assertThat(attention.attentionWeights(normalised).toFloatArray()).containsExactly(weights.toFloatArray());
        assertThatThrownBy(() -> attention.attentionWeights(Tensor.zeros(1, 4, 4))).hasMessageContaining("one [steps, features] sample");
    }

    @Test
    void sinusoidalPositionsAddVaswanisTable() {
        Layer positions = new PositionsSpec(PositionsParams.of("sinusoidal")).build(new int[] {3, 4}, new Rng(0));
        assertThat(positions.parameters()).isEmpty();
        Tensor out = positions.forward(Tensor.ones(1, 3, 4), Pass.inference());
        // Row t is (sin t, cos t, sin(t / 100), cos(t / 100)) for d = 4, plus the input's 1.
        float[] expected = {1, 2, 1, 2,
            1 + (float) Math.sin(1), 1 + (float) Math.cos(1), 1.0099998f, 1.99995f,
            1 + (float) Math.sin(2), 1 + (float) Math.cos(2), 1 + 0.019998667f, 1 + 0.9998f};
        assertThat(out.toFloatArray()).containsExactly(expected, within(1e-6f));
    }

    @Test
    void shorterSequencesUseTheFirstRowsAndMasksOfTheLayer() {
        Layer positions = new PositionsSpec(new PositionsParams("learned", 6)).build(new int[] {4, 2}, new Rng(0));
        Tensor table = Layers.parameters(positions).get("table").value();
        assertThat(table.shape()).containsExactly(6, 2);
        assertThat(positions.forward(Tensor.zeros(1, 2, 2), Pass.inference()).toFloatArray())
                .containsExactly(table.slice(0, 0, 2).toFloatArray());

        // A causal block gives the first steps of a sequence the same outputs whatever follows them.
        Layer block = TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)).build(new int[] {5, 4}, new Rng(1));
        Tensor full = Tensor.randn(new Rng(3), 1, 5, 4);
        float[] prefix = block.forward(full.slice(1, 0, 3), Pass.inference()).toFloatArray();
        assertThat(block.forward(full, Pass.inference()).slice(1, 0, 3).toFloatArray()).containsExactly(prefix, within(1e-6f));
    }

    @Test
    void everyComponentIsARegisteredLayerThatBuilds() {
        List<Component<?>> components = new ArrayList<>();
        AttentionComponents.register(components::add);
        assertThat(components).extracting(Component::name)
                .containsExactly("multi-head-attention", "transformer-encoder", "transformer-decoder", "positions");
        assertThat(components).extracting(Component::kind).containsOnly(Kind.LAYER);
        Map<String, Record> params = Map.of(
                "multi-head-attention", MultiHeadAttentionParams.of(2),
                "transformer-encoder", TransformerEncoderParams.of(2),
                "transformer-decoder", TransformerDecoderParams.of(2),
                "positions", PositionsParams.of("learned"));
        for (Component<?> component : components) {
            Record record = Params.validate(params.get(component.name()));
            LayerSpec spec = (LayerSpec) create(component, record);
            assertThat(spec.kind()).isEqualTo(component.name());
            assertThat(spec.build(new int[] {3, 4}, new Rng(0)).kind()).isEqualTo(component.name());
        }
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> Object create(Component<P> component, Record params) {
        return component.create((P) params);
    }

    @Test
    void paramsRejectBadValues() {
        assertThatThrownBy(() -> new MultiHeadAttentionParams(0, false, 0, true)).hasMessageContaining("heads");
        assertThatThrownBy(() -> new MultiHeadAttentionParams(2, false, 1, true)).hasMessageContaining("dropout");
        assertThatThrownBy(() -> new TransformerEncoderParams(2, -1, 0, false)).hasMessageContaining("feed-forward");
        assertThatThrownBy(() -> new PositionsParams("rotary", 0)).hasMessageContaining("kind");
    }
}
