package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@code dense} on samples of rank above 1 maps the last axis, with the same weights at every step. */
class DenseOnSequencesTest {

    @Test
    void eachStepIsMappedByTheSameWeights() {
        Layer dense = new DenseSpec(DenseParams.of(2, "tanh")).build(new int[] {3, 4}, new Rng(1));
        assertThat(dense.outputShape()).containsExactly(3, 2);
        float[] w = Layers.parameters(dense).get("weight").value().toFloatArray();
        Tensor x = GradientCheck.spread(2, 2, 3, 4);
        float[] in = x.toFloatArray();

        float[] out = dense.forward(x, Pass.inference()).toFloatArray();

        for (int row = 0; row < 2 * 3; row++) {
            for (int u = 0; u < 2; u++) {
                double z = 0; // the bias starts at 0
                for (int f = 0; f < 4; f++) {
                    z += in[row * 4 + f] * w[f * 2 + u];
                }
                assertThat(out[row * 2 + u]).isCloseTo((float) Math.tanh(z), within(1e-5f));
            }
        }
    }

    @Test
    void gradientsOnSequences() {
        Layer dense = new DenseSpec(DenseParams.of(3, "softmax")).build(new int[] {2, 4}, new Rng(3));
        Tensor x = GradientCheck.spread(4, 2, 2, 4);
        GradientCheck.Result result = LayerGradientCheck.standard().check(dense, x, Pass::inference);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(x.size() + Layers.parameterCount(dense));
    }
}
