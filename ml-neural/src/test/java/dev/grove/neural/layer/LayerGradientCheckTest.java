package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The layer gradient check passes a correct layer having compared every value, and reports the
 * first input or parameter value whose gradient autograd gets wrong.
 */
class LayerGradientCheckTest {

    /** A [2] → [2] layer with one parameter {@code weight} [2] and the given forward pass. */
    private static Layer layer(String kind, Parameter weight, BiFunction<Tensor, Tensor, Tensor> forward) {
        return new AbstractLayer(kind, new int[] {2}, new int[] {2}) {
            @Override
            public Tensor forward(Tensor input, Pass pass) {
                checkInput(input);
                return forward.apply(input, weight.value());
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(weight);
            }
        };
    }

    private static Parameter weight() {
        return new Parameter("weight", Tensor.of(new float[] {0.5f, -0.75f}));
    }

    @Test
    void aCorrectLayerPassesWithEveryInputAndParameterValueCompared() {
        Layer dense = new DenseSpec(DenseParams.of(3, "tanh")).build(new int[] {4}, new Rng(1));

        GradientCheck.Result result = LayerGradientCheck.standard().check(dense, GradientCheck.spread(2, 2, 4), Pass::inference);

        assertThat(result.passed()).as(result.failure()).isTrue();
        // 2·4 input values, a [4, 3] weight and a [3] bias.
        assertThat(result.checked()).isEqualTo(8 + 12 + 3);
    }

    @Test
    void aParameterPathThatAutogradMissesIsReportedByName() {
        // forward = x·w + w² with the square cut off the graph: autograd sees x, the true derivative is x + 2w.
        Layer cut = layer("cut", weight(), (x, w) -> x.mul(w).add(w.detach().mul(w.detach())));

        GradientCheck.Result result = LayerGradientCheck.standard().check(cut, GradientCheck.spread(3, 1, 2), Pass::inference);

        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).startsWith("cut: weight[0]: analytic ");
        assertThat(result.checked()).isEqualTo(2 + 1);
    }

    @Test
    void anInputPathThatAutogradMissesIsReported() {
        // forward = x·w + x² with the square cut off the graph: autograd sees w, the true derivative is w + 2x.
        Layer cut = layer("cut", weight(), (x, w) -> x.mul(w).add(x.detach().mul(x.detach())));

        GradientCheck.Result result = LayerGradientCheck.standard().check(cut, GradientCheck.spread(4, 1, 2), Pass::inference);

        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).startsWith("cut: input 0[0]: analytic ");
    }

    @Test
    void aParameterNoGradientReachesIsReported() {
        Layer unused = layer("unused", weight(), (x, w) -> x.mul(2f));

        GradientCheck.Result result = LayerGradientCheck.standard().checkParameters(unused, GradientCheck.spread(5, 1, 2),
                Pass::inference);

        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).isEqualTo("unused: weight: no gradient reached it");
    }

    @Test
    void theLayerIsLeftWithItsValuesAndWithoutGradients() {
        Parameter weight = weight();
        Layer scale = layer("scale", weight, Tensor::mul);

        GradientCheck.Result result = LayerGradientCheck.standard().check(scale, GradientCheck.spread(6, 3, 2), Pass::inference);

        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(weight.value().toFloatArray()).containsExactly(0.5f, -0.75f);
        assertThat(weight.value().grad()).isNull();
    }

    @Test
    void badStepsAndValueCountsAreRefused() {
        assertThatThrownBy(() -> LayerGradientCheck.of(0f, 1e-2, 1e-3)).hasMessageContaining("step must be > 0");
        assertThatThrownBy(() -> weight().assign(1f, 2f, 3f))
                .hasMessage("parameter weight: 3 values cannot fill shape [2] (2 elements)");
    }
}
