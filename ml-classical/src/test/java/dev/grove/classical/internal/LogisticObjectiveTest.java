package dev.grove.classical.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogisticObjectiveTest {

    private static final int ROWS = 12;
    private static final int FEATURES = 3;

    private static double[] randomFeatures(Random random) {
        double[] x = new double[ROWS * FEATURES];
        for (int k = 0; k < x.length; k++) {
            x[k] = random.nextGaussian();
        }
        return x;
    }

    private static int[] randomLabels(Random random, int classes) {
        int[] y = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            y[i] = i < classes ? i : random.nextInt(classes);
        }
        return y;
    }

    @ParameterizedTest(name = "{0} classes, intercept {1}, l2 {2}")
    @CsvSource({"2, true, 0", "2, false, 0.7", "3, true, 0.7", "4, false, 0", "4, true, 2.5"})
    void gradientMatchesCentralDifferences(int classes, boolean fitIntercept, double l2) {
        Random random = new Random(classes * 31L + (fitIntercept ? 1 : 0));
        var objective = new LogisticObjective(randomFeatures(random), FEATURES, randomLabels(random, classes), classes,
                fitIntercept, l2, false);
        double[] w = new double[objective.dimension()];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextGaussian();
        }
        double[] gradient = new double[w.length];
        objective.valueAndGradient(w, gradient);
        double h = 1e-6;
        double[] scratch = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (objective.valueAndGradient(plus, scratch) - objective.valueAndGradient(minus, scratch)) / (2 * h);
            assertThat(gradient[k]).as("d/dw[%d]", k).isCloseTo(numeric, offset(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void valueIsTheSummedNegativeLogLikelihoodPlusTheWeightPenalty() {
        Random random = new Random(5);
        double[] x = randomFeatures(random);
        int[] y = randomLabels(random, 3);
        double l2 = 0.4;
        var objective = new LogisticObjective(x, FEATURES, y, 3, true, l2, false);
        double[] w = new double[objective.dimension()];
        for (int k = 0; k < w.length; k++) {
            w[k] = 0.5 * random.nextGaussian();
        }
        // Naively: p(k | x) = exp(zₖ) / Σ exp(z), z = W x + b with the parameters laid out per class as
        // (w₀, w₁, w₂, b); penalty ½·l2·Σ w² over the weights only.
        double expected = 0;
        for (int i = 0; i < ROWS; i++) {
            double[] e = new double[3];
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                double z = w[k * 4 + 3];
                for (int j = 0; j < FEATURES; j++) {
                    z += w[k * 4 + j] * x[i * FEATURES + j];
                }
                e[k] = Math.exp(z);
                sum += e[k];
            }
            expected -= Math.log(e[y[i]] / sum);
        }
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < FEATURES; j++) {
                expected += 0.5 * l2 * w[k * 4 + j] * w[k * 4 + j];
            }
        }
        assertThat(objective.valueAndGradient(w, new double[w.length])).isCloseTo(expected, offset(1e-12));
        assertThat(objective.coefficients(w)[2]).containsExactly(w[8], w[9], w[10]);
        assertThat(objective.intercepts(w)).containsExactly(w[3], w[7], w[11]);
    }

    @Test
    void binaryValueIsTheSummedNegativeLogLikelihood() {
        // Two rows x = −1 (class 0) and x = 2 (class 1), w = 1.5, b = −0.5: scores −2 and 2.5.
        var objective = new LogisticObjective(new double[] {-1, 2}, 1, new int[] {0, 1}, 2, true, 0, false);
        double expected = -Math.log(1 - 1 / (1 + Math.exp(2))) - Math.log(1 / (1 + Math.exp(-2.5)));
        double[] gradient = new double[2];
        assertThat(objective.valueAndGradient(new double[] {1.5, -0.5}, gradient)).isCloseTo(expected, offset(1e-14));
        // d/db = Σ (σ(z) − y) = σ(−2) + σ(2.5) − 1.
        assertThat(gradient[1]).isCloseTo(1 / (1 + Math.exp(2)) + 1 / (1 + Math.exp(-2.5)) - 1, offset(1e-14));
    }

    @Test
    void hugeScoresGiveTheLinearAsymptoteInsteadOfOverflow() {
        // Binary: one row x = 1 of class 0 with w = 1000: log(1 + e¹⁰⁰⁰) = 1000 to double precision, slope σ(1000) = 1.
        var binary = new LogisticObjective(new double[] {1}, 1, new int[] {0}, 2, false, 0, false);
        double[] g = new double[1];
        assertThat(binary.valueAndGradient(new double[] {1000}, g)).isEqualTo(1000);
        assertThat(g[0]).isEqualTo(1);
        // Softmax: scores (1000, 0, −1000) for a row of class 2 cost log Σ e^z − z₂ = 1000 + 1000.
        var softmax = new LogisticObjective(new double[] {1}, 1, new int[] {2}, 3, false, 0, false);
        double[] g3 = new double[3];
        assertThat(softmax.valueAndGradient(new double[] {1000, 0, -1000}, g3)).isEqualTo(2000);
        assertThat(g3).containsExactly(1, 0, -1);
    }

    @Test
    void parallelBlocksGiveBitwiseTheSameSums() {
        Random random = new Random(11);
        int rows = 5 * LogisticObjective.BLOCK_ROWS + 17;
        double[] x = new double[rows * FEATURES];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = random.nextGaussian();
            }
            y[i] = random.nextInt(3);
        }
        var sequential = new LogisticObjective(x, FEATURES, y, 3, true, 0.3, false);
        var parallel = new LogisticObjective(x, FEATURES, y, 3, true, 0.3, true);
        double[] w = new double[sequential.dimension()];
        for (int k = 0; k < w.length; k++) {
            w[k] = random.nextGaussian();
        }
        double[] g1 = new double[w.length];
        double[] g2 = new double[w.length];
        assertThat(parallel.valueAndGradient(w, g2)).isEqualTo(sequential.valueAndGradient(w, g1));
        assertThat(g2).isEqualTo(g1);
    }

    @Test
    void tiledKernelsAgreeWithASchoolbookSumForAnyShape() {
        // 6 classes (a group of four weight rows and two single ones), an odd number of rows spanning
        // several tiles, 7 features: every path of the scoring and gradient kernels, against the naive
        // formulas Σᵢ log Σₖ e^zᵢₖ − zᵢ_yᵢ and ∂/∂wₖⱼ = Σᵢ (pᵢₖ − [yᵢ = k]) xᵢⱼ.
        Random random = new Random(23);
        int rows = 2 * LogisticObjective.TILE_ROWS + 3;
        int features = 7;
        int classes = 6;
        double[] x = new double[rows * features];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features; j++) {
                x[i * features + j] = random.nextGaussian();
            }
            y[i] = random.nextInt(classes);
        }
        var objective = new LogisticObjective(x, features, y, classes, true, 0, false);
        double[] w = new double[objective.dimension()];
        for (int k = 0; k < w.length; k++) {
            w[k] = 0.3 * random.nextGaussian();
        }
        double[] gradient = new double[w.length];
        double value = objective.valueAndGradient(w, gradient);
        int stride = features + 1;
        double expectedValue = 0;
        double[] expectedGradient = new double[w.length];
        for (int i = 0; i < rows; i++) {
            double[] p = new double[classes];
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                double z = w[k * stride + features];
                for (int j = 0; j < features; j++) {
                    z += w[k * stride + j] * x[i * features + j];
                }
                p[k] = Math.exp(z);
                sum += p[k];
            }
            expectedValue -= Math.log(p[y[i]] / sum);
            for (int k = 0; k < classes; k++) {
                double residual = p[k] / sum - (k == y[i] ? 1 : 0);
                for (int j = 0; j < features; j++) {
                    expectedGradient[k * stride + j] += residual * x[i * features + j];
                }
                expectedGradient[k * stride + features] += residual;
            }
        }
        assertThat(value).isCloseTo(expectedValue, offset(1e-10 * expectedValue));
        for (int k = 0; k < w.length; k++) {
            assertThat(gradient[k]).as("gradient[%d]", k).isCloseTo(expectedGradient[k], offset(1e-10));
        }
    }

    @Test
    void sigmoidIsStableAtBothEnds() {
        assertThat(LogisticObjective.sigmoid(0)).isEqualTo(0.5);
        assertThat(LogisticObjective.sigmoid(-800)).isEqualTo(0).isNotNaN();
        assertThat(LogisticObjective.sigmoid(800)).isEqualTo(1);
        assertThat(LogisticObjective.sigmoid(-40)).isCloseTo(Math.exp(-40), offset(1e-30));
    }
}
