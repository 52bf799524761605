package dev.grove.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The static metric functions against hand-computed answers and the examples of scikit-learn's
 * documentation (reproduced with scikit-learn 1.2.1 where noted).
 */
class MetricsTest {

    private static final double TOL = 1e-12;

    /** The example of scikit-learn's f1_score / precision_score / recall_score docs. */
    private static final int[] DOC_TRUTH = {0, 1, 2, 0, 1, 2};
    private static final int[] DOC_PREDICTED = {0, 2, 1, 0, 0, 1};

    @Test
    void sklearnDocExampleForClassScores() {
        assertThat(Metrics.accuracy(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(1.0 / 3, within(TOL));
        assertThat(Metrics.f1Macro(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(0.26666666666666666, within(TOL));
        assertThat(Metrics.f1Weighted(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(0.26666666666666666, within(TOL));
        // Class 0: precision 2/3, recall 1; classes 1 and 2: no true positives.
        assertThat(Metrics.precisionMacro(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(2.0 / 9, within(TOL));
        assertThat(Metrics.precisionWeighted(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(2.0 / 9, within(TOL));
        assertThat(Metrics.recallMacro(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(1.0 / 3, within(TOL));
        assertThat(Metrics.recallWeighted(DOC_TRUTH, DOC_PREDICTED)).isCloseTo(1.0 / 3, within(TOL));
    }

    @Test
    void unevenClassesWithLabelsOnlyPredictedMatchScikitLearn() {
        // Label 4 is only predicted, never true: it counts in macro averages with precision 0 and
        // recall 0 (zero_division=0) and weighs nothing in weighted ones.
        int[] truth = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3};
        int[] predicted = {0, 1, 0, 1, 2, 2, 2, 0, 4, 3};
        // Hand count: precision per label 2/3, 1/2, 2/3, 1, 0 → macro 17/30.
        assertThat(Metrics.precisionMacro(truth, predicted)).isCloseTo(17.0 / 30, within(TOL));
        // Values below from scikit-learn 1.2.1 with zero_division=0.
        assertThat(Metrics.recallMacro(truth, predicted)).isCloseTo(0.5333333333333333, within(TOL));
        assertThat(Metrics.f1Macro(truth, predicted)).isCloseTo(0.5476190476190477, within(TOL));
        assertThat(Metrics.precisionWeighted(truth, predicted)).isCloseTo(0.6666666666666666, within(TOL));
        assertThat(Metrics.recallWeighted(truth, predicted)).isCloseTo(0.6, within(TOL));
        assertThat(Metrics.f1Weighted(truth, predicted)).isCloseTo(0.6285714285714287, within(TOL));
        assertThat(Metrics.accuracy(truth, predicted)).isEqualTo(0.6);
    }

    @Test
    void precisionOfANeverPredictedClassIsZeroNotNaN() {
        int[] truth = {0, 1};
        int[] predicted = {0, 0};
        // Class 0: precision 1/2, class 1: never predicted → 0.
        assertThat(Metrics.precisionMacro(truth, predicted)).isEqualTo(0.25);
        assertThat(Metrics.f1Macro(truth, predicted)).isCloseTo((2.0 / 3 + 0) / 2, within(TOL));
    }

    @Test
    void confusionMatrixCountsTrueRowsAgainstPredictedColumns() {
        int[][] m = Metrics.confusionMatrix(DOC_TRUTH, DOC_PREDICTED, 3);
        assertThat(m).isDeepEqualTo(new int[][] {{2, 0, 0}, {1, 0, 1}, {0, 2, 0}});
        assertThatThrownBy(() -> Metrics.confusionMatrix(new int[] {0, 3}, new int[] {0, 1}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1").hasMessageContaining("[0, 3)");
    }

    @Test
    void logLossOfTheSklearnDocExample() {
        // ["spam", "ham", "ham", "spam"]: labels sorted → ham = 0, spam = 1.
        int[] truth = {1, 0, 0, 1};
        double[][] p = {{.1, .9}, {.9, .1}, {.8, .2}, {.35, .65}};
        assertThat(Metrics.logLoss(truth, p)).isCloseTo(0.21616187468057912, within(1e-12));
    }

    @Test
    void logLossClipsZeroProbabilities() {
        double loss = Metrics.logLoss(new int[] {0}, new double[][] {{0.0, 1.0}});
        assertThat(loss).isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void rocAucOfTheSklearnDocExample() {
        assertThat(Metrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8})).isCloseTo(0.75, within(TOL));
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // Positives score 0.5, 0.9, 0.5; negatives 0.5, 0.2, 0.7. Pairs won: 0.5 vs {tie, win, lose} = 1.5,
        // 0.9 vs all = 3, 0.5 again = 1.5 → 6 of 9 (scikit-learn 1.2.1 agrees: 0.6666…).
        double auc = Metrics.rocAuc(new int[] {0, 1, 0, 1, 1, 0}, new double[] {0.5, 0.5, 0.2, 0.9, 0.5, 0.7});
        assertThat(auc).isCloseTo(6.0 / 9, within(TOL));
    }

    @Test
    void rocAucNeedsBothClasses() {
        assertThatThrownBy(() -> Metrics.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one class");
    }

    @Test
    void regressionMetricsOfTheSklearnDocExample() {
        double[] truth = {3, -0.5, 2, 7};
        double[] predicted = {2.5, 0.0, 2, 8};
        assertThat(Metrics.mse(truth, predicted)).isCloseTo(0.375, within(TOL));
        assertThat(Metrics.rmse(truth, predicted)).isCloseTo(Math.sqrt(0.375), within(TOL));
        assertThat(Metrics.mae(truth, predicted)).isCloseTo(0.5, within(TOL));
        assertThat(Metrics.r2(truth, predicted)).isCloseTo(0.9486081370449679, within(TOL));
    }

    @Test
    void r2OfAConstantTruthFollowsScikitLearn() {
        assertThat(Metrics.r2(new double[] {2, 2, 2}, new double[] {2, 2, 2})).isEqualTo(1.0);
        assertThat(Metrics.r2(new double[] {2, 2, 2}, new double[] {2, 2, 3})).isEqualTo(0.0);
    }

    @Test
    void silhouetteOfTwoPairsOnALine() {
        // Clusters {0, 1} and {4, 5}. Row 0: a = 1, b = (4 + 5) / 2 = 4.5 → 7/9; row 1: a = 1,
        // b = (3 + 4) / 2 = 3.5 → 5/7; rows 4 and 5 mirror them. Mean = (7/9 + 5/7) / 2.
        double[][] x = {{0}, {1}, {4}, {5}};
        double expected = (7.0 / 9 + 5.0 / 7) / 2;
        assertThat(Metrics.silhouette(x, new int[] {0, 0, 1, 1})).isCloseTo(expected, within(TOL));
    }

    @Test
    void silhouetteOfASingletonClusterRowIsZero() {
        // Cluster {0, 1} and singleton {10}: row 0: a = 1, b = 10 → 0.9; row 1: a = 1, b = 9 → 8/9;
        // the singleton contributes 0.
        double[][] x = {{0}, {1}, {10}};
        double expected = (0.9 + 8.0 / 9 + 0) / 3;
        assertThat(Metrics.silhouette(x, new int[] {0, 0, 1})).isCloseTo(expected, within(TOL));
    }

    @Test
    void silhouetteNeedsTwoToNMinusOneClusters() {
        double[][] x = {{0}, {1}, {2}};
        assertThatThrownBy(() -> Metrics.silhouette(x, new int[] {0, 0, 0})).hasMessageContaining("between 2");
        assertThatThrownBy(() -> Metrics.silhouette(x, new int[] {0, 1, 2})).hasMessageContaining("between 2");
    }

    @Test
    void inertiaSumsSquaredDistancesToClusterMeans() {
        // Centroids 0.5 and 4.5 (x) and 0 (y); each row is 0.5 away → 4 × 0.25.
        double[][] x = {{0, 0}, {1, 0}, {4, 0}, {5, 0}};
        assertThat(Metrics.inertia(x, new int[] {0, 0, 1, 1})).isCloseTo(1.0, within(TOL));
        // One cluster: centroid 2.5 → 6.25 + 2.25 + 2.25 + 6.25.
        assertThat(Metrics.inertia(x, new int[] {0, 0, 0, 0})).isCloseTo(17.0, within(TOL));
    }

    @Test
    void mismatchedLengthsAndEmptyInputsAreRejected() {
        assertThatThrownBy(() -> Metrics.accuracy(new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 entries but there are 2 rows");
        assertThatThrownBy(() -> Metrics.mse(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one row");
        assertThatThrownBy(() -> Metrics.accuracy(new int[] {-1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    }
}
