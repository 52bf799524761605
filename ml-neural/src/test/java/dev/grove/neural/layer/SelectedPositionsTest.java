package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The scores at chosen positions equal the matching rows of the full output, whether the last
 * dense layer is applied to those positions only or the whole output is computed, and their
 * gradients reach the body the same way.
 */
class SelectedPositionsTest {

    private static final int[] SAMPLE = {3, 4};
    private static final int[] POSITIONS = {0, 4, 5, 2};

    private static Tensor input() {
        Rng rng = new Rng(11);
        float[] values = new float[2 * 3 * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(values, 2, 3, 4);
    }

    private static void assertRowsOfFullOutput(Layer network) {
        Tensor selected = SelectedPositions.scores(network, input(), POSITIONS, Pass.inference());
        float[] full = network.forwardBeforeActivation(input(), Pass.inference()).toFloatArray();
        int width = network.outputShape()[1];
        assertThat(selected.shape()).containsExactly(4, width);
        float[] rows = selected.toFloatArray();
        int[] positions = POSITIONS;
        for (int r = 0; r < positions.length; r++) {
            for (int c = 0; c < width; c++) {
                assertThat(rows[r * width + c]).isCloseTo(full[positions[r] * width + c], within(1e-6f));
            }
        }
    }

    @Test
    void aDenseHeadAppliedToThePositionsGivesTheFullOutputsRows() {
        Layer network = SequentialSpec.of(new DenseSpec(DenseParams.of(5, "relu")), new DenseSpec(DenseParams.of(7, "softmax")))
                .build(SAMPLE, new Rng(1));
        assertRowsOfFullOutput(network);
    }

    @Test
    void anyOtherNetworkHasItsFullOutputSelected() {
        Layer network = SequentialSpec.of(new DenseSpec(DenseParams.of(5, "relu")), new ActivationSpec(Activation.named("tanh")))
                .build(SAMPLE, new Rng(1));
        assertRowsOfFullOutput(network);
    }

    @Test
    void gradientsOfTheSelectedScoresMatchThoseOfTheSelectedFullOutput() {
        Layer network = SequentialSpec.of(new DenseSpec(DenseParams.of(5, "relu")), new DenseSpec(DenseParams.of(7, "linear")))
                .build(SAMPLE, new Rng(2));
        Parameter first = Layers.parameters(network).values().iterator().next();

        SelectedPositions.scores(network, input(), POSITIONS, Pass.inference()).pow(2f).sum().backward();
        float[] viaHead = first.value().grad().toFloatArray();
        first.value().zeroGrad();
        Tensor full = network.forwardBeforeActivation(input(), Pass.inference());
        full.reshape(6, 7).indexSelect(0, POSITIONS).pow(2f).sum().backward();
        float[] viaFull = first.value().grad().toFloatArray();

        for (int i = 0; i < viaFull.length; i++) {
            assertThat(viaHead[i]).isCloseTo(viaFull[i], within(1e-5f));
        }
        assertThat(viaFull).isNotEqualTo(new float[viaFull.length]);
    }
}
