package dev.grove.neural.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private static Parameter withGradient(String name, float... gradient) {
        Parameter parameter = new Parameter(name, Tensor.zeros(gradient.length));
        parameter.value().mul(Tensor.of(gradient)).sum().backward();
        return parameter;
    }

    @Test
    void byNormRescalesAllGradientsTogetherAndReturnsTheNormBefore() {
        // Global norm √(3² + 4² + 12²) = 13; the frozen gradient does not count and stays as it is.
        Parameter first = withGradient("a", 3, 4);
        Parameter second = withGradient("b", 12);
        Parameter frozen = withGradient("c", 100);
        frozen.setFrozen(true);
        Parameter withoutGradient = new Parameter("d", Tensor.zeros(2));
        double norm = GradientClipping.byNorm(List.of(first, second, frozen, withoutGradient), 6.5);
        assertThat(norm).isCloseTo(13.0, within(1e-12));
        double factor = 6.5 / (13 + 1e-6);
        assertThat(first.value().grad().toFloatArray()).containsExactly(new float[] {(float) (3 * factor), (float) (4 * factor)}, within(1e-6f));
        assertThat(second.value().grad().toFloatArray()).containsExactly(new float[] {(float) (12 * factor)}, within(1e-6f));
        assertThat(frozen.value().grad().toFloatArray()).containsExactly(100f);
        assertThat(withoutGradient.value().grad()).isNull();
    }

    @Test
    void byNormLeavesSmallGradientsUnchanged() {
        Parameter parameter = withGradient("a", 0.3f, -0.4f);
        assertThat(GradientClipping.byNorm(List.of(parameter), 1.0)).isCloseTo(0.5, within(1e-7));
        assertThat(parameter.value().grad().toFloatArray()).containsExactly(0.3f, -0.4f);
    }

    @Test
    void byNormLeavesNonFiniteGradientsForTheCallerToReport() {
        Parameter parameter = withGradient("a", Float.POSITIVE_INFINITY, 1f);
        assertThat(GradientClipping.byNorm(List.of(parameter), 1.0)).isInfinite();
        assertThat(parameter.value().grad().toFloatArray()).containsExactly(Float.POSITIVE_INFINITY, 1f);
    }

    @Test
    void byValueClampsEachGradientValue() {
        Parameter parameter = withGradient("a", -3f, 0.5f, 2f);
        Parameter frozen = withGradient("b", 5f);
        frozen.setFrozen(true);
        GradientClipping.byValue(List.of(parameter, frozen), 1.0);
        assertThat(parameter.value().grad().toFloatArray()).containsExactly(-1f, 0.5f, 1f);
        assertThat(frozen.value().grad().toFloatArray()).containsExactly(5f);
    }

    @Test
    void limitsMustBePositiveAndFinite() {
        List<Parameter> none = List.of();
        assertThatThrownBy(() -> GradientClipping.byNorm(none, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("largest norm");
        assertThatThrownBy(() -> GradientClipping.byValue(none, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("largest value");
    }
}
