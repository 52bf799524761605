package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static Layer dropout(double p, int... shape) {
        return new DropoutSpec(new DropoutParams(p)).build(shape, new Rng(0));
    }

    @Test
    void trainingZeroesTheExpectedFractionAndScalesTheRestByOneOverKeep() {
        Layer layer = dropout(0.3, 1000);
        float[] out = layer.forward(Tensor.ones(100, 1000), new Pass(true, new Rng(3))).toFloatArray();
        int zeros = 0;
        for (float v : out) {
            if (v == 0f) {
                zeros++;
            } else {
                assertThat(v).isCloseTo(1f / 0.7f, within(1e-6f));
            }
        }
        // 100,000 draws: the zero fraction has standard deviation sqrt(0.3 * 0.7 / 1e5) ≈ 0.00145; 0.006 is 4 of them.
        assertThat(zeros / 100_000.0).isCloseTo(0.3, within(0.006));
    }

    @Test
    void inferenceReturnsTheInputItself() {
        Layer layer = dropout(0.5, 4);
        Tensor x = Tensor.of(new float[][] {{1, 2, 3, 4}});
        assertThat(layer.forward(x, Pass.inference())).isSameAs(x);
    }

    @Test
    void masksComeFromThePassStream() {
        Layer layer = dropout(0.5, 64);
        Tensor x = Tensor.ones(2, 64);
        float[] first = layer.forward(x, new Pass(true, new Rng(7))).toFloatArray();
        assertThat(layer.forward(x, new Pass(true, new Rng(7))).toFloatArray()).isEqualTo(first);
        assertThat(layer.forward(x, new Pass(true, new Rng(8))).toFloatArray()).isNotEqualTo(first);
    }

    @Test
    void zeroProbabilityKeepsEverything() {
        Layer layer = dropout(0.0, 3);
        Tensor x = Tensor.of(new float[][] {{1, -2, 3}});
        assertThat(layer.forward(x, new Pass(true, new Rng(1))).toFloatArray()).containsExactly(1, -2, 3);
    }
}
