package dev.grove.neural.optim;

import static dev.grove.neural.optim.FixedGradients.GRADIENTS;
import static dev.grove.neural.optim.FixedGradients.START;
import static dev.grove.neural.optim.FixedGradients.assertFirstThreeSteps;

import org.junit.jupiter.api.Test;

class RmsPropTest {

    /**
     * torch.optim.RMSprop written out: g ← g + λw; s = αs + (1 − α)g²; centered: a = αa + (1 − α)g,
     * denominator √(s − a²) + ε, else √s + ε; momentum: b = μb + g/denominator, w ← w − lr·b;
     * else w ← w − lr·g/denominator.
     */
    private static double[][] hand(double lr, double alpha, double eps, double momentum, boolean centered, double weightDecay) {
        double[] w = START.clone();
        double[] s = new double[w.length];
        double[] a = new double[w.length];
        double[] b = new double[w.length];
        double[][] after = new double[3][];
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < w.length; i++) {
                double g = GRADIENTS[step][i] + weightDecay * w[i];
                s[i] = alpha * s[i] + (1 - alpha) * g * g;
                double denominator;
                if (centered) {
                    a[i] = alpha * a[i] + (1 - alpha) * g;
                    denominator = Math.sqrt(s[i] - a[i] * a[i]) + eps;
                } else {
                    denominator = Math.sqrt(s[i]) + eps;
                }
                if (momentum > 0) {
                    b[i] = momentum * b[i] + g / denominator;
                    w[i] -= lr * b[i];
                } else {
                    w[i] -= lr * g / denominator;
                }
            }
            after[step] = w.clone();
        }
        return after;
    }

    @Test
    void pyTorchDefaults() {
        assertFirstThreeSteps(new RmsProp(RmsPropParams.defaults()), 0.01f, hand(0.01, 0.99, 1e-8, 0, false, 0));
    }

    @Test
    void momentum() {
        assertFirstThreeSteps(new RmsProp(new RmsPropParams(0.01, 0.9, 1e-8, 0.5, false, 0)), 0.01f,
                hand(0.01, 0.9, 1e-8, 0.5, false, 0));
    }

    @Test
    void centered() {
        assertFirstThreeSteps(new RmsProp(new RmsPropParams(0.01, 0.9, 1e-8, 0, true, 0)), 0.01f,
                hand(0.01, 0.9, 1e-8, 0, true, 0));
    }

    @Test
    void centeredWithMomentumWeightDecayAndALargeEpsilon() {
        assertFirstThreeSteps(new RmsProp(new RmsPropParams(0.01, 0.9, 0.3, 0.5, true, 0.2)), 0.01f,
                hand(0.01, 0.9, 0.3, 0.5, true, 0.2));
    }
}
