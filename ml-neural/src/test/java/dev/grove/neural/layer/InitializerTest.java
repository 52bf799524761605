package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Initial weights against the formulas, statistically: 60,000 draws estimate a variance to within
 * about 0.4% (uniform) or 0.6% (normal) of a standard error, so 3% is a margin of at least 5 of them.
 */
class InitializerTest {

    private static final int FAN_IN = 200;
    private static final int FAN_OUT = 300;

    private static double[] meanAndVariance(Tensor t) {
        float[] values = t.toFloatArray();
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {mean, squares / values.length};
    }

    private static double largestMagnitude(Tensor t) {
        double max = 0;
        for (float v : t.toFloatArray()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void glorotUniformStaysWithinItsLimitWithVarianceTwoOverFanSum() {
        Tensor w = Initializer.GLOROT_UNIFORM.sample(new Rng(1), FAN_IN, FAN_OUT, FAN_IN, FAN_OUT);
        double limit = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
        assertThat(largestMagnitude(w)).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
        double[] stats = meanAndVariance(w);
        assertThat(stats[0]).isCloseTo(0, within(0.01 * limit));
        assertThat(stats[1]).isCloseTo(2.0 / (FAN_IN + FAN_OUT), within(0.03 * 2.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void glorotNormalHasVarianceTwoOverFanSum() {
        double[] stats = meanAndVariance(Initializer.GLOROT_NORMAL.sample(new Rng(2), FAN_IN, FAN_OUT, FAN_IN, FAN_OUT));
        assertThat(stats[1]).isCloseTo(2.0 / (FAN_IN + FAN_OUT), within(0.03 * 2.0 / (FAN_IN + FAN_OUT)));
    }

    @Test
    void heUniformStaysWithinItsLimitWithVarianceTwoOverFanIn() {
        Tensor w = Initializer.HE_UNIFORM.sample(new Rng(3), FAN_IN, FAN_OUT, FAN_IN, FAN_OUT);
        double limit = Math.sqrt(6.0 / FAN_IN);
        assertThat(largestMagnitude(w)).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
        assertThat(meanAndVariance(w)[1]).isCloseTo(2.0 / FAN_IN, within(0.03 * 2.0 / FAN_IN));
    }

    @Test
    void heNormalHasVarianceTwoOverFanIn() {
        double[] stats = meanAndVariance(Initializer.HE_NORMAL.sample(new Rng(4), FAN_IN, FAN_OUT, FAN_IN, FAN_OUT));
        assertThat(stats[1]).isCloseTo(2.0 / FAN_IN, within(0.03 * 2.0 / FAN_IN));
    }

    @Test
    void convolutionFansCountTheKernelArea() {
        // 16 in-channels, 32 filters, 3x3: fan-in 144, fan-out 288 (Keras and PyTorch), so the limit is sqrt(6 / 432).
        Layer conv = new Conv2dSpec(Conv2dParams.of(32, 3, "valid", "linear")).build(new int[] {16, 8, 8}, new Rng(5));
        Tensor kernel = conv.parameters().get(0).value();
        double limit = Math.sqrt(6.0 / (16 * 9 + 32 * 9));
        assertThat(largestMagnitude(kernel)).isLessThanOrEqualTo(limit).isGreaterThan(0.99 * limit);
        assertThat(conv.parameters().get(1).value().toFloatArray()).containsOnly(0f);

        Layer he = new Conv2dSpec(new Conv2dParams(32, 3, 1, "valid", "linear", true, "he-uniform", 0, 0))
                .build(new int[] {16, 8, 8}, new Rng(5));
        assertThat(largestMagnitude(he.parameters().get(0).value())).isLessThanOrEqualTo(Math.sqrt(6.0 / 144))
                .isGreaterThan(0.99 * Math.sqrt(6.0 / 144));
    }

    @Test
    void denseFansAreItsInputsAndUnitsAndItsBiasStartsAtZero() {
        Layer dense = new DenseSpec(DenseParams.of(300, "linear")).build(new int[] {200}, new Rng(6));
        assertThat(dense.parameters().get(0).value().shape()).containsExactly(200, 300);
        assertThat(largestMagnitude(dense.parameters().get(0).value())).isLessThanOrEqualTo(Math.sqrt(6.0 / 500))
                .isGreaterThan(0.99 * Math.sqrt(6.0 / 500));
        assertThat(dense.parameters().get(1).value().toFloatArray()).containsOnly(0f);
    }
}
