package dev.grove.neural.optim;

import static dev.grove.neural.optim.FixedGradients.GRADIENTS;
import static dev.grove.neural.optim.FixedGradients.START;
import static dev.grove.neural.optim.FixedGradients.assertFirstThreeSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdamTest {

    /**
     * torch.optim.Adam / AdamW written out: (adam) g ← g + λw or (adamw) w ← w(1 − lr·λ);
     * m = β1 m + (1 − β1) g; v = β2 v + (1 − β2) g²;
     * w ← w − lr/(1 − β1^t) · m / (√v / √(1 − β2^t) + ε).
     */
    private static double[][] hand(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        double[] w = START.clone();
        double[] m = new double[w.length];
        double[] v = new double[w.length];
        double[][] after = new double[3][];
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < w.length; i++) {
                double g = GRADIENTS[t - 1][i];
                if (decoupled) {
                    w[i] *= 1 - lr * weightDecay;
                } else {
                    g += weightDecay * w[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(beta2, t)) + eps;
                w[i] -= lr / (1 - Math.pow(beta1, t)) * m[i] / denominator;
            }
            after[t - 1] = w.clone();
        }
        return after;
    }

    @Test
    void adamWithPyTorchDefaults() {
        assertFirstThreeSteps(new Adam(AdamParams.defaults()), 1e-3f, hand(1e-3, 0.9, 0.999, 1e-8, 0, false));
        assertFirstThreeSteps(new Adam(AdamParams.defaults()), 0.1f, hand(0.1, 0.9, 0.999, 1e-8, 0, false));
    }

    @Test
    void epsilonIsAddedAfterTheBiasCorrectedSquareRoot() {
        // A large ε makes √v̂ + ε and √(v̂ + ε) differ visibly.
        assertFirstThreeSteps(new Adam(new AdamParams(0.1, 0.8, 0.9, 0.5, 0)), 0.1f, hand(0.1, 0.8, 0.9, 0.5, 0, false));
    }

    @Test
    void coupledWeightDecayAddsToTheGradient() {
        assertFirstThreeSteps(new Adam(new AdamParams(0.1, 0.9, 0.999, 1e-8, 0.5)), 0.1f, hand(0.1, 0.9, 0.999, 1e-8, 0.5, false));
    }

    @Test
    void adamwDecaysTheWeightsDirectly() {
        assertFirstThreeSteps(new Adam(new AdamWParams(0.1, 0.9, 0.999, 1e-8, 0.5)), 0.1f, hand(0.1, 0.9, 0.999, 1e-8, 0.5, true));
        assertFirstThreeSteps(new Adam(AdamWParams.defaults()), 0.1f, hand(0.1, 0.9, 0.999, 1e-8, 0.01, true));
    }

    @Test
    void theTwoWeightDecaysDiffer() {
        // Guards the two hand computations above against describing the same rule.
        assertThat(hand(0.1, 0.9, 0.999, 1e-8, 0.5, true)[2][0]).isNotCloseTo(
                hand(0.1, 0.9, 0.999, 1e-8, 0.5, false)[2][0], within(1e-3));
    }

    @Test
    void namesTheComponentItWasConfiguredAs() {
        assertThat(new Adam(AdamParams.defaults()).kind()).isEqualTo("adam");
        assertThat(new Adam(AdamWParams.defaults()).kind()).isEqualTo("adamw");
        assertThat(new Adam(AdamWParams.defaults()).learningRate()).isEqualTo(1e-3f);
    }
}
