package dev.grove.generative.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GanLossesTest {

    /** log σ(z), computed in double from the textbook formula (safe for the small |z| used here). */
    private static double logSigmoid(double z) {
        return -Math.log1p(Math.exp(-z));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void discriminatorLossIsTheCrossEntropyOfRealAgainstOneAndGeneratedAgainstZero() {
        float[] real = {0f, 2f, -0.5f};
        float[] fake = {-1f, 1.5f};
        float loss = GanLosses.discriminator(Tensor.of(real), Tensor.of(fake), 0.0).item();
        double expected = -(logSigmoid(0) + logSigmoid(2) + logSigmoid(-0.5)) / 3 - (logSigmoid(1) + logSigmoid(-1.5)) / 2;
        assertThat((double) loss).isCloseTo(expected, within(1e-6));
    }

    @Test
    void labelSmoothingSoftensOnlyTheRealTarget() {
        float[] real = {0.5f, -2f};
        float[] fake = {0.25f};
        float loss = GanLosses.discriminator(Tensor.of(real, 2, 1), Tensor.of(fake, 1, 1), 0.1).item();
        // Real target 0.9: -[0.9 log σ(r) + 0.1 log σ(-r)]; the generated image's target stays 0.
        double realTerm = -((0.9 * logSigmoid(0.5) + 0.1 * logSigmoid(-0.5)) + (0.9 * logSigmoid(-2) + 0.1 * logSigmoid(2))) / 2;
        double fakeTerm = -logSigmoid(-0.25);
        assertThat((double) loss).isCloseTo(realTerm + fakeTerm, within(1e-6));
    }

    @Test
    void nonSaturatingGeneratorLossIsMinusTheMeanLogOfDOfGOfZ() {
        float loss = GanLosses.generator(Tensor.of(new float[] {-3f, 0f, 1f, 4f})).item();
        double expected = -(logSigmoid(-3) + logSigmoid(0) + logSigmoid(1) + logSigmoid(4)) / 4;
        assertThat((double) loss).isCloseTo(expected, within(1e-6));
    }

    @Test
    void gradientsAreSigmoidMinusTargetOverTheBatch() {
        Tensor real = Tensor.of(new float[] {0.3f, -1.2f}).requiresGrad(true);
        Tensor fake = Tensor.of(new float[] {0.7f, -0.4f, 2f}).requiresGrad(true);
        GanLosses.discriminator(real, fake, 0.2).backward();
        float[] realGradient = real.grad().toFloatArray();
        float[] fakeGradient = fake.grad().toFloatArray();
        assertThat((double) realGradient[0]).isCloseTo((sigmoid(0.3) - 0.8) / 2, within(1e-6));
        assertThat((double) realGradient[1]).isCloseTo((sigmoid(-1.2) - 0.8) / 2, within(1e-6));
        assertThat((double) fakeGradient[0]).isCloseTo(sigmoid(0.7) / 3, within(1e-6));
        assertThat((double) fakeGradient[2]).isCloseTo(sigmoid(2) / 3, within(1e-6));

        Tensor generated = Tensor.of(new float[] {-2f, 0.5f}).requiresGrad(true);
        GanLosses.generator(generated).backward();
        // d/df of -mean log σ(f) is -(1 - σ(f)) / n: large when the discriminator rejects the sample.
        assertThat((double) generated.grad().toFloatArray()[0]).isCloseTo(-(1 - sigmoid(-2)) / 2, within(1e-6));
        assertThat((double) generated.grad().toFloatArray()[1]).isCloseTo(-(1 - sigmoid(0.5)) / 2, within(1e-6));
    }

    @Test
    void discriminatorLossPassesTheGradientCheckWithAndWithoutLabelSmoothing() {
        Tensor real = Tensor.randn(new Rng(1), 5, 1).mul(2f);
        Tensor fake = Tensor.randn(new Rng(2), 4, 1).mul(2f);
        for (double smoothing : new double[] {0.0, 0.1, 0.3}) {
            GradientCheck.Result result = GradientCheck.standard()
                    .check(x -> GanLosses.discriminator(x[0], x[1], smoothing), real, fake);
            assertThat(result.passed()).as("label smoothing %s: %s", smoothing, result.failure()).isTrue();
            assertThat(result.checked()).isEqualTo(9);
        }
    }

    @Test
    void generatorLossPassesTheGradientCheck() {
        GradientCheck.Result result = GradientCheck.standard()
                .check(x -> GanLosses.generator(x[0]), Tensor.randn(new Rng(3), 6).mul(3f));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void hugeLogitsGiveExactFiniteLosses() {
        // A confident, right discriminator costs nothing; a confident, wrong one costs the logit.
        assertThat(GanLosses.discriminator(Tensor.of(new float[] {1000f}), Tensor.of(new float[] {-1000f}), 0).item())
                .isEqualTo(0f);
        assertThat(GanLosses.discriminator(Tensor.of(new float[] {-1000f}), Tensor.of(new float[] {1000f}), 0).item())
                .isCloseTo(2000f, within(1e-3f));
        assertThat(GanLosses.generator(Tensor.of(new float[] {-1000f})).item()).isCloseTo(1000f, within(1e-3f));
        Tensor logits = Tensor.of(new float[] {-1000f}).requiresGrad(true);
        GanLosses.generator(logits).backward();
        assertThat(logits.grad().toFloatArray()[0]).isCloseTo(-1f, within(1e-6f));
    }

    @Test
    void rejectsLogitsThatAreNotOnePerImageAndSmoothingOutOfRange() {
        assertThatThrownBy(() -> GanLosses.generator(Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one per image").hasMessageContaining("[3, 2]");
        assertThatThrownBy(() -> GanLosses.discriminator(Tensor.zeros(2), Tensor.zeros(2), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label-smoothing");
    }
}
