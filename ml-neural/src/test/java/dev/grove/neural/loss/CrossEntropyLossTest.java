package dev.grove.neural.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

class CrossEntropyLossTest {

    private static final CrossEntropyLoss PLAIN = new CrossEntropyLoss();

    private static CrossEntropyLoss smoothed(double epsilon) {
        return new CrossEntropyLoss(new CrossEntropyParams(epsilon));
    }

    @Test
    void equalLogitsOfTwoClassesCostLnTwo() {
        Tensor loss = PLAIN.compute(Tensor.of(new float[][] {{0, 0}}), Tensor.of(new float[] {1}));
        assertThat(loss.rank()).isZero();
        assertThat(loss.item()).isCloseTo((float) Math.log(2), within(1e-6f));
    }

    @Test
    void categoricalLossIsTheMeanNegativeLogProbabilityOfTheTargetClass() {
        // Row 0: softmax(0, ln 2, ln 5) = (1/8, 2/8, 5/8); row 1: equal logits give 1/3 each.
        Tensor logits = Tensor.of(new float[][] {{0, (float) Math.log(2), (float) Math.log(5)}, {3, 3, 3}});
        float loss = PLAIN.compute(logits, Tensor.of(new float[] {1, 2})).item();
        double expected = (-Math.log(2.0 / 8) - Math.log(1.0 / 3)) / 2;
        assertThat((double) loss).isCloseTo(expected, within(1e-6));
    }

    @Test
    void labelSmoothingMixesTheUniformDistributionIntoTheTarget() {
        // PyTorch: q = (1 − ε)·one-hot + ε/K, loss = −Σ q_j log p_j; p = (1/8, 2/8, 5/8), target 2, ε = 0.3.
        Tensor logits = Tensor.of(new float[][] {{0, (float) Math.log(2), (float) Math.log(5)}});
        float loss = smoothed(0.3).compute(logits, Tensor.of(new float[] {2})).item();
        double uniform = 0.3 / 3;
        double expected = -((0.7 + uniform) * Math.log(5.0 / 8) + uniform * Math.log(1.0 / 8) + uniform * Math.log(2.0 / 8));
        assertThat((double) loss).isCloseTo(expected, within(1e-6));
    }

    @Test
    void categoricalGradientIsSoftmaxMinusOneHotOverTheBatch() {
        Tensor logits = Tensor.of(new float[][] {{0, (float) Math.log(2), (float) Math.log(5)}, {1, 1, 1}}).requiresGrad(true);
        PLAIN.compute(logits, Tensor.of(new float[] {2, 0})).backward();
        double[] expected = {
            (1.0 / 8) / 2, (2.0 / 8) / 2, (5.0 / 8 - 1) / 2,
            (1.0 / 3 - 1) / 2, (1.0 / 3) / 2, (1.0 / 3) / 2};
        float[] gradient = logits.grad().toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) gradient[i]).as("gradient %d", i).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void hugeLogitsGiveFiniteExactLosses() {
        float categorical = PLAIN.compute(Tensor.of(new float[][] {{1000, 0}}), Tensor.of(new float[] {1})).item();
        assertThat(categorical).isEqualTo(1000f);
        // Binary: softplus(z) − z·t gives 0, 0, 1000, 1000 for these rows.
        Tensor logits = Tensor.of(new float[] {1000, -1000, 1000, -1000});
        float binary = PLAIN.compute(logits, Tensor.of(new float[] {1, 0, 0, 1})).item();
        assertThat(binary).isEqualTo(500f);
    }

    @Test
    void binaryLossIsBceWithLogits() {
        // max(z, 0) − z·t + log(1 + e^−|z|) for z = 2, t = 1 and z = −0.5, t = 1 and z = 0, t = 0.
        Tensor logits = Tensor.of(new float[] {2f, -0.5f, 0f}, 3, 1);
        float loss = PLAIN.compute(logits, Tensor.of(new float[] {1, 1, 0})).item();
        double expected = (Math.log1p(Math.exp(-2)) + (0.5 + Math.log1p(Math.exp(-0.5))) + Math.log(2)) / 3;
        assertThat((double) loss).isCloseTo(expected, within(1e-6));
    }

    @Test
    void binaryGradientIsSigmoidMinusTargetEvenAtZero() {
        // At z = 0 the max/abs form of BCE has kinks; the true gradient is σ(0) − t = 0.5 − t.
        Tensor logits = Tensor.of(new float[] {0f, 0f, 1.5f}).requiresGrad(true);
        PLAIN.compute(logits, Tensor.of(new float[] {1, 0, 0})).backward();
        float[] gradient = logits.grad().toFloatArray();
        double sigmoid = 1 / (1 + Math.exp(-1.5));
        assertThat((double) gradient[0]).isCloseTo(-0.5 / 3, within(1e-7));
        assertThat((double) gradient[1]).isCloseTo(0.5 / 3, within(1e-7));
        assertThat((double) gradient[2]).isCloseTo(sigmoid / 3, within(1e-7));
    }

    @Test
    void binaryLabelSmoothingTargetsTheMidpointShare() {
        // Two classes: t = 1 becomes 1 − ε + ε/2 = 0.9 for ε = 0.2.
        float loss = smoothed(0.2).compute(Tensor.of(new float[] {2f}), Tensor.of(new float[] {1})).item();
        double logSigmoid = -Math.log1p(Math.exp(-2));
        double logSigmoidOfMinus = -Math.log1p(Math.exp(2));
        assertThat((double) loss).isCloseTo(-(0.9 * logSigmoid + 0.1 * logSigmoidOfMinus), within(1e-6));
    }

    @Test
    void gradientsPassTheFiniteDifferenceCheck() {
        Tensor categoricalTargets = Tensor.of(new float[] {3, 0, 1});
        Tensor binaryTargets = Tensor.of(new float[] {1, 0, 1, 1});
        for (double epsilon : new double[] {0.0, 0.25}) {
            CrossEntropyLoss loss = smoothed(epsilon);
            // The loss is a batch mean; scaling by the batch keeps gradients well above the check's
            // absolute tolerance.
            assertThat(GradientCheck.standard().check(
                    x -> loss.compute(x[0], categoricalTargets).mul(3f), GradientCheck.spread(1, 3, 4)).passed())
                    .as("categorical, smoothing %s", epsilon).isTrue();
            assertThat(GradientCheck.standard().check(
                    x -> loss.compute(x[0], binaryTargets).mul(4f), GradientCheck.spread(2, 4)).passed())
                    .as("binary [batch], smoothing %s", epsilon).isTrue();
            assertThat(GradientCheck.standard().check(
                    x -> loss.compute(x[0], binaryTargets).mul(4f), GradientCheck.spread(3, 4, 1)).passed())
                    .as("binary [batch, 1], smoothing %s", epsilon).isTrue();
        }
    }

    @Test
    void targetsThatAreNotClassIndicesAreRejectedNamingTheRow() {
        Tensor logits = Tensor.zeros(3, 3);
        assertThatThrownBy(() -> PLAIN.compute(logits, Tensor.of(new float[] {0, 2.5f, 1})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cross-entropy").hasMessageContaining("batch row 1").hasMessageContaining("2.5")
                .hasMessageContaining("[0, 3)");
        assertThatThrownBy(() -> PLAIN.compute(logits, Tensor.of(new float[] {3, 0, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch row 0");
        assertThatThrownBy(() -> PLAIN.compute(logits, Tensor.of(new float[] {0, 1, -1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch row 2");
        assertThatThrownBy(() -> PLAIN.compute(logits, Tensor.of(new float[] {0, Float.NaN, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch row 1");
        assertThatThrownBy(() -> PLAIN.compute(Tensor.zeros(2), Tensor.of(new float[] {1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch row 1").hasMessageContaining("0 or 1");
    }

    @Test
    void shapesThatDoNotFitAreRejected() {
        assertThatThrownBy(() -> PLAIN.compute(Tensor.zeros(3, 2), Tensor.of(new float[] {0, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2]").hasMessageContaining("3 rows");
        assertThatThrownBy(() -> PLAIN.compute(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class indices");
        assertThatThrownBy(() -> PLAIN.compute(Tensor.zeros(2, 3, 4), Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3, 4]");
    }

    @Test
    void takesLogits() {
        assertThat(PLAIN.takesLogits()).isTrue();
    }

    @Test
    void labelSmoothingOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new CrossEntropyParams(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label-smoothing");
        assertThatThrownBy(() -> new CrossEntropyParams(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label-smoothing");
    }
}
