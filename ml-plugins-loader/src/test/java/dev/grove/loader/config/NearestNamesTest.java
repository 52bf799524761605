package dev.grove.loader.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The distance and the "did you mean" choice. */
class NearestNamesTest {

    @Test
    void distanceCountsEditsAndAdjacentSwapsAsOne() {
        assertThat(NearestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestNames.distance("max-iter", "max-itre")).isEqualTo(1);
        assertThat(NearestNames.distance("", "abc")).isEqualTo(3);
        assertThat(NearestNames.distance("same", "same")).isZero();
    }

    @Test
    void nearestWithinAThirdOfTheLength() {
        List<String> keys = List.of("c", "max-iter", "penalty", "tol");
        assertThat(NearestNames.nearest("max-iters", keys)).contains("max-iter");
        assertThat(NearestNames.nearest("penalti", keys)).contains("penalty");
        assertThat(NearestNames.nearest("tolerance", keys)).isEmpty();
        assertThat(NearestNames.nearest("xyz", keys)).isEmpty();
    }

    @Test
    void camelCaseSnakeCaseAndCapitalsAreNormalisedFirst() {
        List<String> keys = List.of("c", "max-iter", "fit-intercept");
        assertThat(NearestNames.nearest("maxIter", keys)).contains("max-iter");
        assertThat(NearestNames.nearest("FIT_INTERCEPT", keys)).contains("fit-intercept");
        assertThat(NearestNames.nearest("Max-Iter", keys)).contains("max-iter");
    }

    @Test
    void aFragmentFindsTheShortestNameContainingIt() {
        assertThat(NearestNames.nearest("scaler", List.of("pca", "standard-scaler"))).contains("standard-scaler");
        assertThat(NearestNames.nearest("scaler", List.of("standard-scaler", "min-max-scaler"))).contains("min-max-scaler");
        assertThat(NearestNames.suggest("scaler", List.of("pca"))).isEmpty();
        assertThat(NearestNames.suggest("pcaa", List.of("pca"))).isEqualTo("; did you mean 'pca'?");
    }
}
