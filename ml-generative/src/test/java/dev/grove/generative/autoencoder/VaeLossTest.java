package dev.grove.generative.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Values of the VAE objective's pieces against hand-computed formulas, and their gradients against finite differences. */
class VaeLossTest {

    private static final Tensor LOGITS = GradientCheck.spread(1, 2, 6).mul(1.5f);
    private static final Tensor PIXELS = Tensor.uniform(new Rng(2), 0f, 1f, 2, 6);

    @Test
    void theBinaryCrossEntropyFromLogitsEqualsTheCrossEntropyOfTheSigmoid() {
        float[] z = LOGITS.toFloatArray();
        float[] x = PIXELS.toFloatArray();
        double expected = 0;
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-z[i]));
            expected += -(x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p));
        }
        assertThat(PixelLosses.binaryCrossEntropySum(LOGITS, PIXELS).item()).isCloseTo((float) expected, within(1e-4f));
    }

    @Test
    void theBinaryCrossEntropyStaysFiniteAndExactForHugeLogits() {
        // log(1 - sigmoid(100)) underflows to -infinity if taken literally; the loss is 100 exactly (to float precision).
        Tensor logits = Tensor.of(new float[] {100f, -100f, 100f, -100f}, 1, 4);
        Tensor target = Tensor.of(new float[] {0f, 1f, 1f, 0f}, 1, 4);
        assertThat(PixelLosses.binaryCrossEntropySum(logits, target).item()).isCloseTo(200f, within(1e-3f));
    }

    @Test
    void theSquaredErrorIsTakenOnTheSigmoidOfTheLogits() {
        Tensor logits = Tensor.of(new float[] {0f, 2f}, 1, 2);
        Tensor target = Tensor.of(new float[] {1f, 0f}, 1, 2);
        double sigmoidOfTwo = 1 / (1 + Math.exp(-2));
        double expected = 0.25 + sigmoidOfTwo * sigmoidOfTwo;
        assertThat(PixelLosses.squaredErrorSum(logits, target).item()).isCloseTo((float) expected, within(1e-6f));
    }

    @Test
    void theKlDivergenceMatchesTheClosedFormByHand() {
        // KL(N(mu, s^2) || N(0, 1)) = (s^2 + mu^2 - 1 - ln s^2) / 2 per dimension:
        // mu 0, s^2 1 -> 0; mu 1, s^2 1 -> 0.5; mu 0, s^2 2 -> (2 - 1 - ln 2) / 2 = 0.153426; mu -2, s^2 e^-1 -> (e^-1 + 4 - 1 + 1) / 2.
        Tensor mu = Tensor.of(new float[] {0f, 1f, 0f, -2f}, 2, 2);
        Tensor logVariance = Tensor.of(new float[] {0f, 0f, (float) Math.log(2), -1f}, 2, 2);
        double expected = 0 + 0.5 + (1 - Math.log(2)) / 2 + (Math.exp(-1) + 4) / 2;
        assertThat(VaeLoss.klDivergenceSum(mu, logVariance).item()).isCloseTo((float) expected, within(1e-5f));
    }

    @Test
    void theObjectiveIsReconstructionPlusBetaTimesKlPerImage() {
        Tensor mu = Tensor.of(new float[] {0.5f, -0.5f, 1f, 0f}, 2, 2);
        Tensor logVariance = Tensor.of(new float[] {0f, 0.2f, -0.3f, 0f}, 2, 2);
        VaeLoss.Terms terms = VaeLoss.compute("bce", 2.5f, LOGITS, PIXELS, mu, logVariance);
        double reconstruction = PixelLosses.binaryCrossEntropySum(LOGITS, PIXELS).item();
        double kl = VaeLoss.klDivergenceSum(mu, logVariance).item();
        assertThat(terms.reconstruction()).isCloseTo(reconstruction, within(1e-6));
        assertThat(terms.kl()).isCloseTo(kl, within(1e-6));
        assertThat(terms.objective().item()).isCloseTo((float) ((reconstruction + 2.5 * kl) / 2), within(1e-5f));
    }

    @Test
    void theFusedBinaryCrossEntropyHasTheGradientOfItsValue() {
        GradientCheck.Result logits = GradientCheck.standard().check(args -> PixelLosses.binaryCrossEntropySum(args[0], PIXELS), LOGITS);
        assertThat(logits.passed()).as(logits.failure()).isTrue();
        GradientCheck.Result both = GradientCheck.standard().check(
                args -> PixelLosses.binaryCrossEntropySum(args[0], args[1]), LOGITS, PIXELS);
        assertThat(both.passed()).as(both.failure()).isTrue();
    }

    @Test
    void theSquaredErrorHasTheGradientOfItsValue() {
        GradientCheck.Result result = GradientCheck.standard().check(args -> PixelLosses.squaredErrorSum(args[0], PIXELS), LOGITS);
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void theFusedKlTermHasTheGradientOfItsValue() {
        Tensor mu = GradientCheck.spread(3, 3, 4);
        Tensor logVariance = GradientCheck.spread(4, 3, 4).mul(0.8f);
        GradientCheck.Result result = GradientCheck.standard().check(args -> VaeLoss.klDivergenceSum(args[0], args[1]),
                mu, logVariance);
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void theWholeObjectiveThroughTheReparameterizedCodeHasTheGradientOfItsValue() {
        // mu and log-variance -> z = mu + eps * exp(lv / 2) -> logits = z W -> (bce + beta * kl) / n: the path a VAE trains.
        Tensor noise = Tensor.randn(new Rng(5), 2, 3);
        Tensor weights = Tensor.uniform(new Rng(6), -1f, 1f, 3, 6);
        for (String loss : new String[] {"bce", "mse"}) {
            GradientCheck.Result result = GradientCheck.standard().check(args -> {
                Tensor z = VaeLoss.reparameterize(args[0], args[1], noise);
                return VaeLoss.compute(loss, 0.7f, z.matmul(weights), PIXELS, args[0], args[1]).objective();
            }, GradientCheck.spread(7, 2, 3).mul(0.5f), GradientCheck.spread(8, 2, 3).mul(0.5f));
            assertThat(result.passed()).as(loss + ": " + result.failure()).isTrue();
        }
    }

    @Test
    void misalignedInputsAreRejectedWithTheirShapes() {
        assertThatThrownBy(() -> PixelLosses.binaryCrossEntropySum(LOGITS, Tensor.zeros(2, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 6]").hasMessageContaining("[2, 5]");
        assertThatThrownBy(() -> VaeLoss.klDivergenceSum(Tensor.zeros(2, 3), Tensor.zeros(2, 4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]").hasMessageContaining("[2, 4]");
        assertThatThrownBy(() -> PixelLosses.sum("hinge", LOGITS, PIXELS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bce or mse");
    }
}
