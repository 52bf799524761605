package dev.grove.classical.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Element-wise comparisons with a tolerance relative to max(|expected|, 1), naming the failing index. */
public final class Close {

    private Close() {
    }

    /** |actual − expected| ≤ tolerance · max(|expected|, 1) for every entry. */
    public static void assertClose(String what, double[] actual, double[] expected, double tolerance) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double allowed = tolerance * Math.max(Math.abs(expected[i]), 1);
            assertThat(actual[i]).as(what + "[" + i + "]").isCloseTo(expected[i], offset(allowed));
        }
    }

    /** {@link #assertClose(String, double[], double[], double)} row by row. */
    public static void assertClose(String what, double[][] actual, double[][] expected, double tolerance) {
        assertThat(actual.length).as(what + " rows").isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertClose(what + "[" + r + "]", actual[r], expected[r], tolerance);
        }
    }
}
