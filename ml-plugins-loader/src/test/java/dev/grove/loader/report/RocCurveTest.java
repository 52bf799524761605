package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void pointsAndAreaMatchAHandCount() {
        // Positives scored 0.9, 0.8, 0.6; negatives 0.7, 0.55, 0.4. Of the 9 positive-negative pairs the
        // positive is ranked higher in 8 (0.6 < 0.7 is the exception): AUC 8/9.
        double[] scores = {0.7, 0.9, 0.4, 0.8, 0.55, 0.6};
        boolean[] positive = {false, true, false, true, false, true};

        RocCurve roc = RocCurve.of(scores, positive);

        assertThat(roc.area()).isCloseTo(8 / 9.0, within(1e-12));
        assertThat(roc.falsePositiveRate()).containsExactly(0, 0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1);
        assertThat(roc.truePositiveRate()).containsExactly(0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1);
    }

    @Test
    void tiedScoresMoveBothRatesAtOnce() {
        RocCurve roc = RocCurve.of(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertThat(roc.falsePositiveRate()).containsExactly(0, 1);
        assertThat(roc.truePositiveRate()).containsExactly(0, 1);
        assertThat(roc.area()).isEqualTo(0.5);
    }

    @Test
    void oneClassOnlyHasNoCurve() {
        assertThatThrownBy(() -> RocCurve.of(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 positive and 0 negative");
    }
}
