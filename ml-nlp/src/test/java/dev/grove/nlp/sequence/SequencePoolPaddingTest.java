package dev.grove.nlp.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * sequence-pool with padding: each mode pools only a sample's real steps (values worked out by hand),
 * an all-padding sample is pooled over all its steps, padding of another shape is ignored, and the
 * gradients agree with central differences.
 */
class SequencePoolPaddingTest {

    /**
     * Three samples of 4 steps, 2 features. Sample 0: steps (1, 6), (4, 2), (7, 3), (100, -100), the
     * last one padding. Sample 1: (-5, 9), (2, -1), (50, 50), (3, 8), steps 0 and 2 padding. Sample 2:
     * (1, 2), (3, 4), (5, 6), (7, 8), all padding.
     */
    private static final Tensor INPUT = Tensor.of(new float[] {
        1, 6, 4, 2, 7, 3, 100, -100,
        -5, 9, 2, -1, 50, 50, 3, 8,
        1, 2, 3, 4, 5, 6, 7, 8}, 3, 4, 2);
    private static final Padding PADDING = new Padding(new boolean[] {
        false, false, false, true,
        true, false, true, false,
        true, true, true, true}, 3, 4);

    private static float[] pool(String mode, Tensor input, Pass pass) {
        Layer pool = new SequencePoolSpec(new SequencePoolParams(mode)).build(new int[] {4, 2}, new Rng(0));
        return pool.forward(input, pass).toFloatArray();
    }

    private static float[] pool(String mode) {
        return pool(mode, INPUT, Pass.inference().withPadding(PADDING));
    }

    @Test
    void meanAveragesTheRealStepsOnly() {
        assertThat(pool("mean")).containsExactly(
                4, 11 / 3f,      // (1 + 4 + 7) / 3, (6 + 2 + 3) / 3
                2.5f, 3.5f,      // (2 + 3) / 2, (-1 + 8) / 2
                4, 5);           // all padding: over all 4 steps
    }

    @Test
    void maxIgnoresLargerValuesAtPadding() {
        assertThat(pool("max")).containsExactly(7, 6, 3, 8, 7, 8);
    }

    @Test
    void firstAndLastAreTheFirstAndLastRealSteps() {
        assertThat(pool("first")).containsExactly(1, 6, 2, -1, 1, 2);
        assertThat(pool("last")).containsExactly(7, 3, 3, 8, 7, 8);
    }

    @Test
    void paddingOfAnotherShapeIsIgnored() {
        Pass otherLength = Pass.inference().withPadding(new Padding(new boolean[6], 3, 2));
        assertThat(pool("mean", INPUT, otherLength)).containsExactly(pool("mean", INPUT, Pass.inference()));
    }

    @Test
    void gradientsWithPaddingMatchCentralDifferences() {
        Pass padded = Pass.inference().withPadding(PADDING);
        for (String mode : new String[] {"mean", "max", "first", "last"}) {
            Layer pool = new SequencePoolSpec(new SequencePoolParams(mode)).build(new int[] {4, 2}, new Rng(0));
            GradientCheck.Result result = GradientCheck.standard().check(a -> pool.forward(a[0], padded),
                    GradientCheck.spread(7, 3, 4, 2));
            assertThat(result.passed()).as(mode + ": " + result.failure()).isTrue();
        }
    }

    @Test
    void paddedStepsGetNoGradient() {
        for (String mode : new String[] {"mean", "max", "first", "last"}) {
            Tensor input = GradientCheck.spread(8, 3, 4, 2).requiresGrad(true);
            Layer pool = new SequencePoolSpec(new SequencePoolParams(mode)).build(new int[] {4, 2}, new Rng(0));
            pool.forward(input, Pass.inference().withPadding(PADDING)).sum().backward();
            float[] gradient = input.grad().toFloatArray();
            for (int sample = 0; sample < 2; sample++) {
                for (int step = 0; step < 4; step++) {
                    if (PADDING.isPadded(sample, step)) {
                        int at = (sample * 4 + step) * 2;
                        assertThat(new float[] {gradient[at], gradient[at + 1]}).as("%s sample %d step %d", mode, sample, step)
                                .containsOnly(0f);
                    }
                }
            }
        }
    }
}
