package dev.grove.nlp.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** patches cuts images into patch sequences; sequence-pool reduces sequences to vectors. */
class SequenceShapeLayersTest {

    private static Tensor arange(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return Tensor.of(values, shape);
    }

    @Test
    void patchesAreReadRowByRowEachChannelMajor() {
        // One 2-channel 4x4 image, pixels numbered 0..31 (channel 0: 0..15, channel 1: 16..31); patches of 2.
        Layer patches = new PatchesSpec(new PatchesParams(2)).build(new int[] {2, 4, 4}, new Rng(0));

        Tensor out = patches.forward(arange(1, 2, 4, 4), Pass.inference());

        assertThat(patches.outputShape()).containsExactly(4, 8);
        assertThat(out.shape()).containsExactly(1, 4, 8);
        float[] v = out.toFloatArray();
        // Patch 0 (top left): channel 0 pixels 0, 1, 4, 5 then channel 1 pixels 16, 17, 20, 21.
        assertThat(java.util.Arrays.copyOfRange(v, 0, 8)).containsExactly(0, 1, 4, 5, 16, 17, 20, 21);
        // Patch 1 (top right) and patch 2 (bottom left).
        assertThat(java.util.Arrays.copyOfRange(v, 8, 12)).containsExactly(2, 3, 6, 7);
        assertThat(java.util.Arrays.copyOfRange(v, 16, 20)).containsExactly(8, 9, 12, 13);
    }

    @Test
    void gradientsFlowThroughPatchesAndEveryPooling() {
        Layer patches = new PatchesSpec(new PatchesParams(2)).build(new int[] {1, 4, 2}, new Rng(0));
        assertThat(GradientCheck.standard().check(a -> patches.forward(a[0], Pass.inference()),
                GradientCheck.spread(3, 2, 1, 4, 2)).passed()).isTrue();
        for (String mode : new String[] {"mean", "max", "first", "last"}) {
            Layer pool = new SequencePoolSpec(new SequencePoolParams(mode)).build(new int[] {3, 2}, new Rng(0));
            GradientCheck.Result result = GradientCheck.standard().check(a -> pool.forward(a[0], Pass.inference()),
                    GradientCheck.spread(4, 2, 3, 2));
            assertThat(result.passed()).as(mode + ": " + result.failure()).isTrue();
        }
    }

    @Test
    void poolingCombinesTheStepsOfEachFeature() {
        // One sequence of 3 steps, 2 features: (1, 6), (4, 2), (7, 3).
        Tensor x = Tensor.of(new float[] {1, 6, 4, 2, 7, 3}, 1, 3, 2);

        assertThat(pool("mean", x)).containsExactly(4, 11 / 3f);
        assertThat(pool("max", x)).containsExactly(7, 6);
        assertThat(pool("first", x)).containsExactly(1, 6);
        assertThat(pool("last", x)).containsExactly(7, 3);
    }

    private static float[] pool(String mode, Tensor x) {
        Layer pool = new SequencePoolSpec(new SequencePoolParams(mode)).build(new int[] {3, 2}, new Rng(0));
        assertThat(pool.outputShape()).containsExactly(2);
        return pool.forward(x, Pass.inference()).toFloatArray();
    }

    @Test
    void shapesTheLayersCannotTakeAreRefused() {
        assertThatThrownBy(() -> new PatchesSpec(new PatchesParams(3)).build(new int[] {1, 28, 28}, new Rng(0)))
                .hasMessageContaining("patches: size 3 must divide the image's height and width, got 28x28");
        assertThatThrownBy(() -> new PatchesSpec(new PatchesParams(4)).build(new int[] {784}, new Rng(0)))
                .hasMessageContaining("patches: needs [channels, height, width] images, got [784]");
        assertThatThrownBy(() -> new SequencePoolSpec(new SequencePoolParams("mean")).build(new int[] {10}, new Rng(0)))
                .hasMessageContaining("sequence-pool: needs [steps, features] input, got [10]");
        assertThatThrownBy(() -> new SequencePoolParams("median")).hasMessageContaining("median");
    }

    @Test
    void batchesOfAnotherShapeThanTheLayerWasBuiltForAreRefused() {
        Layer patches = new PatchesSpec(new PatchesParams(2)).build(new int[] {1, 4, 4}, new Rng(0));
        assertThatThrownBy(() -> patches.forward(Tensor.zeros(2, 1, 4, 6), Pass.inference()))
                .hasMessage("patches was built for input [batch, 1, 4, 4], got a tensor of shape [2, 1, 4, 6]");
        Layer pool = new SequencePoolSpec(new SequencePoolParams("mean")).build(new int[] {3, 2}, new Rng(0));
        assertThatThrownBy(() -> pool.forward(Tensor.zeros(2, 3), Pass.inference()))
                .hasMessage("sequence-pool was built for input [batch, 3, 2], got a tensor of shape [2, 3]");
    }
}
