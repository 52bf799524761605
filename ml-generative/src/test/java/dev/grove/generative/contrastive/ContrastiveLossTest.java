package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The symmetric InfoNCE loss: its value against a plain float64 implementation written from CLIP's
 * pseudo-code, hand-computable cases, and finite-difference gradient checks with respect to both
 * embeddings (before normalisation) and the log of the logit scale.
 */
class ContrastiveLossTest {

    private static final int[] CLASSES = {0, 1, 0, 2, 1};

    /** CLIP's loss in float64: normalise, scaled cosine logits, cross-entropy by rows and by columns. */
    private static double[] reference(float[] u, float[] v, int batch, int dim, double scale, int[] classes, boolean byClass) {
        double[][] a = normalised(u, batch, dim);
        double[][] b = normalised(v, batch, dim);
        double[][] logits = new double[batch][batch];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                for (int d = 0; d < dim; d++) {
                    logits[i][j] += scale * a[i][d] * b[j][d];
                }
            }
        }
        double rows = 0;
        double columns = 0;
        for (int i = 0; i < batch; i++) {
            int positives = 0;
            for (int j = 0; j < batch; j++) {
                positives += matches(classes, i, j, byClass) ? 1 : 0;
            }
            for (int j = 0; j < batch; j++) {
                if (matches(classes, i, j, byClass)) {
                    rows -= (logits[i][j] - logSumExp(logits, i, true)) / positives;
                    // Column i (caption i) has the same positives as row i: images of its class.
                    columns -= (logits[j][i] - logSumExp(logits, i, false)) / positives;
                }
            }
        }
        return new double[] {(rows + columns) / (2 * batch), rows / batch, columns / batch};
    }

    private static boolean matches(int[] classes, int i, int j, boolean byClass) {
        return byClass ? classes[i] == classes[j] : i == j;
    }

    private static double logSumExp(double[][] m, int index, boolean row) {
        double sum = 0;
        for (int k = 0; k < m.length; k++) {
            sum += Math.exp(row ? m[index][k] : m[k][index]);
        }
        return Math.log(sum);
    }

    private static double[][] normalised(float[] x, int batch, int dim) {
        double[][] out = new double[batch][dim];
        for (int i = 0; i < batch; i++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += (double) x[i * dim + d] * x[i * dim + d];
            }
            for (int d = 0; d < dim; d++) {
                out[i][d] = x[i * dim + d] / Math.sqrt(norm);
            }
        }
        return out;
    }

    private static ContrastiveLoss.Terms loss(Tensor u, Tensor v, Tensor logScale, ContrastiveLoss.Positives positives) {
        return ContrastiveLoss.symmetric(ContrastiveLoss.normalise(u), ContrastiveLoss.normalise(v), logScale.exp(),
                ContrastiveLoss.targets(CLASSES, positives));
    }

    @Test
    void theLossMatchesAFloat64ImplementationOfClipsPseudoCodeForBothKindsOfPositives() {
        Tensor u = Tensor.randn(new Rng(1), 5, 3);
        Tensor v = Tensor.randn(new Rng(2), 5, 3);
        Tensor logScale = Tensor.of(new float[] {(float) Math.log(1 / 0.07)}, 1);
        for (ContrastiveLoss.Positives positives : ContrastiveLoss.Positives.values()) {
            ContrastiveLoss.Terms terms = loss(u, v, logScale, positives);
            double[] expected = reference(u.toFloatArray(), v.toFloatArray(), 5, 3, 1 / 0.07, CLASSES,
                    positives == ContrastiveLoss.Positives.CLASS);

            assertThat((double) terms.total().item()).as(positives + " total").isCloseTo(expected[0], within(1e-4 * expected[0]));
            assertThat((double) terms.imageToText().item()).as(positives + " image to text")
                    .isCloseTo(expected[1], within(1e-4 * expected[1]));
            assertThat((double) terms.textToImage().item()).as(positives + " text to image")
                    .isCloseTo(expected[2], within(1e-4 * expected[2]));
        }
    }

    @Test
    void identicalEmbeddingsGiveLogBWhateverThePositives() {
        // All logits equal: every softmax is uniform, and every target distribution sums to 1.
        Tensor same = Tensor.ones(4, 2);
        for (ContrastiveLoss.Positives positives : ContrastiveLoss.Positives.values()) {
            ContrastiveLoss.Terms terms = ContrastiveLoss.symmetric(ContrastiveLoss.normalise(same),
                    ContrastiveLoss.normalise(same), Tensor.of(new float[] {10}, 1), ContrastiveLoss.targets(new int[] {0, 1, 0, 1}, positives));
            assertThat((double) terms.total().item()).isCloseTo(Math.log(4), within(1e-6));
        }
    }

    @Test
    void perfectlyMatchedOrthogonalPairsAtAHighScaleCostAlmostNothing() {
        // Image i and caption i are the same unit vector, orthogonal to the others: logits are s on the
        // diagonal and 0 elsewhere, so each term is log(1 + 2·e^-s).
        Tensor eye = Tensor.eye(3);
        ContrastiveLoss.Terms terms = ContrastiveLoss.symmetric(eye, eye, Tensor.of(new float[] {20}, 1),
                ContrastiveLoss.targets(new int[] {0, 1, 2}, ContrastiveLoss.Positives.PAIR));
        assertThat((double) terms.total().item()).isCloseTo(Math.log(1 + 2 * Math.exp(-20)), within(1e-7));
    }

    @Test
    void classTargetsShareEachRowAndColumnEvenlyAmongTheSameClass() {
        float[] targets = ContrastiveLoss.targets(CLASSES, ContrastiveLoss.Positives.CLASS).toFloatArray();
        float h = 0.5f;
        assertThat(targets).containsExactly(
                h, 0, h, 0, 0,
                0, h, 0, 0, h,
                h, 0, h, 0, 0,
                0, 0, 0, 1, 0,
                0, h, 0, 0, h);
        assertThat(ContrastiveLoss.targets(CLASSES, ContrastiveLoss.Positives.PAIR).toFloatArray())
                .containsExactly(Tensor.eye(5).toFloatArray());
    }

    @Test
    void gradientsWithRespectToBothEmbeddingsAndTheLogScaleMatchFiniteDifferences() {
        Tensor u = GradientCheck.spread(3, 5, 3);
        Tensor v = GradientCheck.spread(4, 5, 3);
        Tensor logScale = Tensor.of(new float[] {0.7f}, 1);
        for (ContrastiveLoss.Positives positives : ContrastiveLoss.Positives.values()) {
            GradientCheck.Result result = GradientCheck.standard().check(
                    in -> loss(in[0], in[1], in[2], positives).total(), u, v, logScale);

            assertThat(result.passed()).as(positives + ": " + result.failure()).isTrue();
            assertThat(result.checked()).isEqualTo(15 + 15 + 1);
        }
    }

    @Test
    void eachTermsGradientMatchesFiniteDifferencesToo() {
        Tensor u = GradientCheck.spread(5, 5, 3);
        Tensor v = GradientCheck.spread(6, 5, 3);
        Tensor logScale = Tensor.of(new float[] {0.4f}, 1);
        GradientCheck.Result imageToText = GradientCheck.standard().check(
                in -> loss(in[0], in[1], in[2], ContrastiveLoss.Positives.CLASS).imageToText(), u, v, logScale);
        GradientCheck.Result textToImage = GradientCheck.standard().check(
                in -> loss(in[0], in[1], in[2], ContrastiveLoss.Positives.CLASS).textToImage(), u, v, logScale);

        assertThat(imageToText.passed()).as(imageToText.failure()).isTrue();
        assertThat(textToImage.passed()).as(textToImage.failure()).isTrue();
    }
}
