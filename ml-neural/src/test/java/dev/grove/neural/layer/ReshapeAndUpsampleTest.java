package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.params.Params;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code reshape} and {@code upsample2d} layers: values by hand, gradients by central differences, bad shapes. */
class ReshapeAndUpsampleTest {

    private static Layer upsample(int size, int... inputShape) {
        return new Upsample2dSpec(new Upsample2dParams(size)).build(inputShape, new Rng(0));
    }

    @Test
    void reshapeViewsEachSampleWithTheNewShapeInRowMajorOrder() {
        Layer reshape = new ReshapeSpec(ReshapeParams.of(2, 1, 3)).build(new int[] {6}, new Rng(0));
        assertThat(reshape.outputShape()).containsExactly(2, 1, 3);
        Tensor out = reshape.forward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 6), Pass.inference());
        assertThat(out.shape()).containsExactly(2, 2, 1, 3);
        assertThat(out.toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void reshapePassesTheGradientThrough() {
        Layer reshape = new ReshapeSpec(ReshapeParams.of(3, 2, 2)).build(new int[] {2, 6}, new Rng(0));
        GradientCheck.Result result = LayerGradientCheck.standard().checkInput(reshape, GradientCheck.spread(1, 2, 2, 6),
                Pass::inference);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(24);
    }

    @Test
    void reshapeToAnotherNumberOfValuesNamesBothShapes() {
        assertThatThrownBy(() -> new ReshapeSpec(ReshapeParams.of(32, 7, 7)).build(new int[] {1500}, new Rng(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reshape").hasMessageContaining("[1500]").hasMessageContaining("[32, 7, 7]")
                .hasMessageContaining("1568");
        assertThatThrownBy(() -> ReshapeParams.of(3, 0)).hasMessageContaining("reshape").hasMessageContaining("[3, 0]");
        assertThatThrownBy(() -> new ReshapeParams(List.of())).hasMessageContaining("at least one dimension");
    }

    @Test
    void upsampleRepeatsEachPixelAsABlock() {
        Layer layer = upsample(2, 2, 2, 2);
        assertThat(layer.outputShape()).containsExactly(2, 4, 4);
        // Two channels [[1, 2], [3, 4]] and [[5, 6], [7, 8]].
        Tensor out = layer.forward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 2, 2), Pass.inference());
        assertThat(out.shape()).containsExactly(1, 2, 4, 4);
        assertThat(out.toFloatArray()).containsExactly(
                1, 1, 2, 2,
                1, 1, 2, 2,
                3, 3, 4, 4,
                3, 3, 4, 4,
                5, 5, 6, 6,
                5, 5, 6, 6,
                7, 7, 8, 8,
                7, 7, 8, 8);
    }

    @Test
    void upsampleByThreeOnANonSquareImage() {
        Tensor out = upsample(3, 1, 1, 2).forward(Tensor.of(new float[] {1, 2}, 1, 1, 1, 2), Pass.inference());
        assertThat(out.shape()).containsExactly(1, 1, 3, 6);
        assertThat(out.toFloatArray()).containsExactly(1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2);
    }

    @Test
    void upsampleBackwardSumsTheGradientOfEachBlock() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2).requiresGrad(true);
        Tensor out = upsample(2, 1, 2, 2).forward(x, Pass.inference());
        // Upstream gradient 0..15 over the 4x4 output; the block of input (0, 0) holds 0, 1, 4, 5.
        float[] upstream = new float[16];
        for (int i = 0; i < 16; i++) {
            upstream[i] = i;
        }
        out.backward(Tensor.of(upstream, 1, 1, 4, 4));
        assertThat(x.grad().toFloatArray()).containsExactly(0 + 1 + 4 + 5, 2 + 3 + 6 + 7, 8 + 9 + 12 + 13, 10 + 11 + 14 + 15);
    }

    @Test
    void upsampleGradientMatchesCentralDifferences() {
        GradientCheck.Result result = LayerGradientCheck.standard().checkInput(upsample(2, 2, 3, 2),
                GradientCheck.spread(2, 2, 2, 3, 2), Pass::inference);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(24);
    }

    @Test
    void upsampleNeedsImagesAndAFactorOfAtLeastOne() {
        assertThatThrownBy(() -> upsample(2, 16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upsample2d needs [channels, height, width] input, got [16]");
        assertThatThrownBy(() -> new Upsample2dParams(0)).hasMessageContaining("size");
        Layer layer = upsample(2, 1, 2, 2);
        assertThatThrownBy(() -> layer.forward(Tensor.zeros(1, 1, 3, 2), Pass.inference()))
                .hasMessageContaining("upsample2d was built for input [batch, 1, 2, 2]");
    }

    @Test
    void paramsAnnotationsAgreeWithTheConstructors() {
        assertThat(Params.validate(ReshapeParams.of(32, 7, 7)).shape()).containsExactly(32, 7, 7);
        assertThat(Params.validate(new Upsample2dParams(2)).size()).isEqualTo(2);
    }
}
