package dev.grove.neural.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MseLossTest {

    private static final MseLoss MSE = new MseLoss();

    @Test
    void isTheMeanOverAllElements() {
        float loss = MSE.compute(Tensor.of(new float[][] {{1, 2}, {3, 4}}), Tensor.of(new float[][] {{1, 0}, {0, 4}})).item();
        assertThat(loss).isCloseTo((0 + 4 + 9 + 0) / 4f, within(1e-6f));
    }

    @Test
    void gradientIsTwiceTheDifferenceOverTheCount() {
        Tensor output = Tensor.of(new float[] {1, 2, 3}).requiresGrad(true);
        MSE.compute(output, Tensor.of(new float[] {0, 2, 5})).backward();
        assertThat(output.grad().toFloatArray()).containsExactly(new float[] {2f / 3, 0f, -4f / 3}, within(1e-6f));
    }

    @Test
    void gradientPassesTheFiniteDifferenceCheck() {
        Tensor target = GradientCheck.spread(5, 3, 2).mul(0.5f);
        assertThat(GradientCheck.standard().check(x -> MSE.compute(x[0], target).mul(6f), GradientCheck.spread(4, 3, 2)).passed())
                .isTrue();
    }

    @Test
    void aColumnOutputAndAVectorTargetPairElementByElement() {
        // Broadcasting [3, 1] against [3] would compare every pair (9 terms); element by element it is (1 + 0 + 4) / 3.
        float loss = MSE.compute(Tensor.of(new float[] {1, 2, 3}, 3, 1), Tensor.of(new float[] {0, 2, 5})).item();
        assertThat(loss).isCloseTo(5f / 3, within(1e-6f));
    }

    @Test
    void otherShapeMismatchesAreRejected() {
        assertThatThrownBy(() -> MSE.compute(Tensor.zeros(3, 2), Tensor.zeros(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mse").hasMessageContaining("[3]").hasMessageContaining("[3, 2]");
    }
}
