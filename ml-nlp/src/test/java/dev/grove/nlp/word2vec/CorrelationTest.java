package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Spearman's and Pearson's correlations against hand computations. */
class CorrelationTest {

    @Test
    void tiedValuesShareTheirAverageRank() {
        assertThat(Correlation.ranks(new double[] {10, 20, 20, 5, 20})).containsExactly(2, 4, 4, 1, 4);
    }

    /**
     * x = (1, 2, 2, 3) ranks (1, 2.5, 2.5, 4); y = (0.1, 0.4, 0.3, 0.2) ranks (1, 4, 3, 2).
     * Centred: (−1.5, 0, 0, 1.5) and (−1.5, 1.5, 0.5, −0.5): Σ products 2.25 − 0.75 = 1.5, Σx² 4.5,
     * Σy² 5, so ρ = 1.5 / √22.5 = 0.316228.
     */
    @Test
    void spearmanWithTiesMatchesTheHandComputation() {
        double rho = Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {0.1, 0.4, 0.3, 0.2});
        assertThat(rho).isCloseTo(1.5 / Math.sqrt(22.5), within(1e-12));
    }

    @Test
    void spearmanIsOneForAnyIncreasingRelation() {
        assertThat(Correlation.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 1000})).isCloseTo(1, within(1e-12));
        assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 1000})).isLessThan(0.9);
    }

    /** x = (1, 2, 3), y = (2, 1, 4): centred (−1, 0, 1) and (−1/3, −4/3, 5/3); r = 2 / √(2·14/3) = 0.654654. */
    @Test
    void pearsonMatchesTheHandComputation() {
        assertThat(Correlation.pearson(new double[] {1, 2, 3}, new double[] {2, 1, 4})).isCloseTo(2 / Math.sqrt(28.0 / 3),
                within(1e-12));
    }
}
