package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void pointsOnALineProjectOntoThatLine() {
        // (t, 2t) for t = -2..2: all variance lies along (1, 2)/√5, whose larger entry is positive.
        double[] rows = {-2, -4, -1, -2, 0, 0, 1, 2, 2, 4};

        Projection p = Projection.fit(rows, 2);

        assertThat(p.share(0)).isCloseTo(1, within(1e-12));
        assertThat(p.share(1)).isCloseTo(0, within(1e-12));
        // (1, 2) lies √5 from the mean (0, 0) along the line, and nowhere across it.
        assertThat(p.x(rows, 3)).isCloseTo(Math.sqrt(5), within(1e-12));
        assertThat(p.y(rows, 3)).isCloseTo(0, within(1e-12));
    }

    @Test
    void sharesAreEachComponentsVarianceOverTheTotal() {
        // x spread ±3, y spread ±1, uncorrelated: variances 9k and 1k, so shares 0.9 and 0.1.
        double[] rows = {3, 1, 3, -1, -3, 1, -3, -1};

        Projection p = Projection.fit(rows, 2);

        assertThat(p.share(0)).isCloseTo(0.9, within(1e-12));
        assertThat(p.share(1)).isCloseTo(0.1, within(1e-12));
        assertThat(Math.abs(p.x(rows, 0))).isCloseTo(3, within(1e-12));
        assertThat(Math.abs(p.y(rows, 0))).isCloseTo(1, within(1e-12));
    }
}
