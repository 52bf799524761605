package dev.grove.neural.optim;

import static dev.grove.neural.optim.FixedGradients.GRADIENTS;
import static dev.grove.neural.optim.FixedGradients.START;
import static dev.grove.neural.optim.FixedGradients.assertFirstThreeSteps;

import org.junit.jupiter.api.Test;

class AdadeltaTest {

    /**
     * torch.optim.Adadelta written out: g ← g + λw; s = ρs + (1 − ρ)g²; Δ = √(u + ε)/√(s + ε)·g;
     * u = ρu + (1 − ρ)Δ²; w ← w − lr·Δ.
     */
    private static double[][] hand(double lr, double rho, double eps, double weightDecay) {
        double[] w = START.clone();
        double[] s = new double[w.length];
        double[] u = new double[w.length];
        double[][] after = new double[3][];
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < w.length; i++) {
                double g = GRADIENTS[step][i] + weightDecay * w[i];
                s[i] = rho * s[i] + (1 - rho) * g * g;
                double delta = Math.sqrt(u[i] + eps) / Math.sqrt(s[i] + eps) * g;
                u[i] = rho * u[i] + (1 - rho) * delta * delta;
                w[i] -= lr * delta;
            }
            after[step] = w.clone();
        }
        return after;
    }

    @Test
    void pyTorchDefaults() {
        assertFirstThreeSteps(new Adadelta(AdadeltaParams.defaults()), 1.0f, hand(1.0, 0.9, 1e-6, 0));
    }

    @Test
    void largeEpsilonAndWeightDecay() {
        // ε = 0.01 makes √(u + ε) the dominant term, so its placement shows in the result.
        assertFirstThreeSteps(new Adadelta(new AdadeltaParams(0.5, 0.8, 0.01, 0.3)), 0.5f, hand(0.5, 0.8, 0.01, 0.3));
    }
}
