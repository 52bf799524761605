package dev.grove.neural.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

class HingeLossTest {

    private static final HingeLoss HINGE = new HingeLoss();

    @Test
    void multiClassIsMultiMarginLoss() {
        // torch.nn.MultiMarginLoss: Σ_{j≠y} max(0, 1 − x_y + x_j) / K, averaged over rows.
        // Row 0, y = 1: j=0 → 1 − 0.2 + 0.1 = 0.9, j=2 → 1 − 0.2 + 0.4 = 1.2; sum 2.1, / 3 = 0.7.
        // Row 1, y = 0: j=1 → max(0, 1 − 3 + 0.5) = 0, j=2 → 1 − 3 + 2.5 = 0.5; / 3 = 1/6.
        Tensor scores = Tensor.of(new float[][] {{0.1f, 0.2f, 0.4f}, {3f, 0.5f, 2.5f}});
        float loss = HINGE.compute(scores, Tensor.of(new float[] {1, 0})).item();
        assertThat((double) loss).isCloseTo((0.7 + 1.0 / 6) / 2, within(1e-6));
    }

    @Test
    void multiClassGradientCountsEachViolatedMargin() {
        // Row 0 above: both other classes violate the margin: d/dx = (+1, −2, +1) / (K·batch).
        Tensor scores = Tensor.of(new float[][] {{0.1f, 0.2f, 0.4f}}).requiresGrad(true);
        HINGE.compute(scores, Tensor.of(new float[] {1})).backward();
        assertThat(scores.grad().toFloatArray()).containsExactly(new float[] {1f / 3, -2f / 3, 1f / 3}, within(1e-6f));
    }

    @Test
    void binaryMapsTargetsToPlusMinusOne() {
        // max(0, 1 − t·x): x = 0.3, t = +1 → 0.7; x = 0.3, t = −1 → 1.3; x = 2, t = +1 → 0.
        Tensor scores = Tensor.of(new float[] {0.3f, 0.3f, 2f}, 3, 1);
        float loss = HINGE.compute(scores, Tensor.of(new float[] {1, 0, 1})).item();
        assertThat((double) loss).isCloseTo((0.7 + 1.3 + 0) / 3, within(1e-6));
    }

    @Test
    void gradientsPassTheFiniteDifferenceCheck() {
        // Scores 0.9·spread differ by multiples of 0.18, so no margin 1 − x_y + x_j sits within the step of its kink.
        Tensor multiTargets = Tensor.of(new float[] {2, 0, 3});
        assertThat(GradientCheck.standard().check(x -> HINGE.compute(x[0], multiTargets).mul(12f),
                GradientCheck.spread(6, 3, 4).mul(0.9f)).passed()).as("multi-class").isTrue();
        Tensor binaryTargets = Tensor.of(new float[] {1, 0, 0, 1, 1});
        assertThat(GradientCheck.standard().check(x -> HINGE.compute(x[0], binaryTargets).mul(5f),
                GradientCheck.spread(7, 5)).passed()).as("binary").isTrue();
    }

    @Test
    void badTargetsAreRejectedNamingTheRow() {
        assertThatThrownBy(() -> HINGE.compute(Tensor.zeros(2, 3), Tensor.of(new float[] {0, 3})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hinge").hasMessageContaining("batch row 1");
        assertThatThrownBy(() -> HINGE.compute(Tensor.zeros(2), Tensor.of(new float[] {-1, 1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch row 0").hasMessageContaining("0 or 1");
    }
}
