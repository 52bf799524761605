package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Batch norm against PyTorch's semantics worked out by hand (momentum 0.1, eps 1e-5). */
class BatchNormTest {

    private static final double EPS = 1e-5;

    private static Layer batchNorm(int... shape) {
        return new BatchNormSpec(BatchNormParams.defaults()).build(shape, new Rng(0));
    }

    @Test
    void trainingNormalisesEachFeatureWithTheBatchMeanAndBiasedVariance() {
        Layer norm = batchNorm(2);
        // Feature 0: 1, 3, 5 (mean 3, biased variance 8/3); feature 1: 2, 6, 10 (mean 6, biased variance 32/3).
        Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 6}, {5, 10}});
        Tensor out = norm.forward(x, new Pass(true, new Rng(1)));
        double[][] expected = {
            {-2 / Math.sqrt(8.0 / 3 + EPS), -4 / Math.sqrt(32.0 / 3 + EPS)},
            {0, 0},
            {2 / Math.sqrt(8.0 / 3 + EPS), 4 / Math.sqrt(32.0 / 3 + EPS)}};
        for (int i = 0; i < 3; i++) {
            for (int f = 0; f < 2; f++) {
                assertThat((double) out.get(i, f)).isCloseTo(expected[i][f], within(1e-5));
            }
        }
    }

    @Test
    void oneTrainingPassMovesTheRunningStatisticsByTheMomentumAndInferenceUsesThem() {
        Layer norm = batchNorm(2);
        norm.forward(Tensor.of(new float[][] {{1, 2}, {3, 6}, {5, 10}}), new Pass(true, new Rng(1)));
        // running = 0.9 * initial + 0.1 * batch, with the unbiased variances 4 and 16 (initial mean 0, variance 1).
        assertThat(norm.buffers().keySet()).containsExactly("running-mean", "running-var");
        assertThat(norm.buffers().get("running-mean").toFloatArray()).containsExactly(new float[] {0.3f, 0.6f}, within(1e-6f));
        assertThat(norm.buffers().get("running-var").toFloatArray()).containsExactly(new float[] {1.3f, 2.5f}, within(1e-6f));

        norm.parameters().get(0).assign(new float[] {2f, 0.5f});
        norm.parameters().get(1).assign(new float[] {1f, -1f});
        Tensor out = norm.forward(Tensor.of(new float[][] {{2, 4}}), Pass.inference());
        assertThat((double) out.get(0, 0)).isCloseTo(2 * (2 - 0.3) / Math.sqrt(1.3 + EPS) + 1, within(1e-5));
        assertThat((double) out.get(0, 1)).isCloseTo(0.5 * (4 - 0.6) / Math.sqrt(2.5 + EPS) - 1, within(1e-5));
        assertThat(norm.buffers().get("running-mean").toFloatArray())
                .as("inference leaves the running statistics alone").containsExactly(new float[] {0.3f, 0.6f}, within(1e-6f));
    }

    @Test
    void imagesAreNormalisedPerChannelOverBatchHeightAndWidth() {
        Layer norm = batchNorm(2, 1, 2);
        // [batch 2, channels 2, height 1, width 2]. Channel 0: 1, 3, 5, 7 (mean 4, biased variance 5,
        // unbiased 20/3); channel 1: 2, 2, 4, 8 (mean 4, biased variance 6, unbiased 8).
        Tensor x = Tensor.of(new float[] {1, 3, 2, 2, 5, 7, 4, 8}, 2, 2, 1, 2);
        Tensor out = norm.forward(x, new Pass(true, new Rng(1)));
        assertThat((double) out.get(0, 0, 0, 0)).isCloseTo(-3 / Math.sqrt(5 + EPS), within(1e-5));
        assertThat((double) out.get(1, 0, 0, 1)).isCloseTo(3 / Math.sqrt(5 + EPS), within(1e-5));
        assertThat((double) out.get(0, 1, 0, 0)).isCloseTo(-2 / Math.sqrt(6 + EPS), within(1e-5));
        assertThat((double) out.get(1, 1, 0, 1)).isCloseTo(4 / Math.sqrt(6 + EPS), within(1e-5));

        assertThat(norm.buffers().get("running-mean").toFloatArray()).containsExactly(new float[] {0.4f, 0.4f}, within(1e-6f));
        assertThat(norm.buffers().get("running-var").toFloatArray())
                .containsExactly(new float[] {(float) (0.9 + 0.1 * 20 / 3), 1.7f}, within(1e-6f));

        // A second pass on the same batch: running = 0.9 * running + 0.1 * batch again.
        norm.forward(x, new Pass(true, new Rng(2)));
        assertThat(norm.buffers().get("running-mean").toFloatArray())
                .containsExactly(new float[] {0.9f * 0.4f + 0.4f, 0.9f * 0.4f + 0.4f}, within(1e-6f));
    }

    @Test
    void parametersStartAtOneAndZeroAndBuffersAreNamedByPath() {
        Layer net = SequentialSpec.of(new BatchNormSpec(BatchNormParams.defaults())).build(new int[] {3, 2, 2}, new Rng(0));
        assertThat(Layers.parameters(net).keySet()).containsExactly("batch-norm-1.gamma", "batch-norm-1.beta");
        assertThat(Layers.parameters(net).get("batch-norm-1.gamma").value().toFloatArray()).containsOnly(1f);
        assertThat(Layers.parameters(net).get("batch-norm-1.beta").value().toFloatArray()).containsOnly(0f);
        assertThat(Layers.buffers(net).keySet()).containsExactly("batch-norm-1.running-mean", "batch-norm-1.running-var");
        assertThat(Layers.buffers(net).get("batch-norm-1.running-var").toFloatArray()).containsExactly(1f, 1f, 1f);
    }

    @Test
    void trainingOnOneValuePerFeatureIsRejected() {
        Layer norm = batchNorm(3);
        assertThatThrownBy(() -> norm.forward(Tensor.zeros(1, 3), new Pass(true, new Rng(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-norm needs more than one value per channel")
                .hasMessageContaining("batch size of at least 2");
        assertThat(norm.forward(Tensor.zeros(1, 3), Pass.inference()).shape()).containsExactly(1, 3);
    }
}
