package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.fail;

/**
 * Checks a finished {@link GemmCase} against its float64 reference. Elements are compared in plain
 * loops (an AssertJ assertion per element would dominate the run time) and the first mismatch fails
 * with the call, the position and both values.
 */
final class GemmAssertions {

    /** Unit roundoff of float32. */
    private static final double U = 0x1p-24;

    private GemmAssertions() {
    }

    /**
     * Every element of C is within the worst-case float32 error bound of any summation order,
     * (k + 2)·u·Σ|terms|, and nothing outside C changed.
     */
    static void assertMatchesReference(GemmCase g) {
        for (int i = 0; i < g.m; i++) {
            for (int j = 0; j < g.n; j++) {
                double want = g.expected[i * g.n + j];
                double tolerance = (g.k + 2) * U * g.magnitude[i * g.n + j] + Float.MIN_NORMAL;
                if (!(Math.abs(g.c(i, j) - want) <= tolerance)) {
                    fail("%s: C[%d,%d] = %s, expected %s ± %s", g, i, j, g.c(i, j), want, tolerance);
                }
            }
        }
        assertUntouchedOutsideC(g);
    }

    /** Every element of C equals the reference exactly (for inputs whose sums are exact). */
    static void assertExact(GemmCase g) {
        for (int i = 0; i < g.m; i++) {
            for (int j = 0; j < g.n; j++) {
                if (g.c(i, j) != g.expected[i * g.n + j]) {
                    fail("%s: C[%d,%d] = %s, expected exactly %s", g, i, j, g.c(i, j), g.expected[i * g.n + j]);
                }
            }
        }
        assertUntouchedOutsideC(g);
    }

    static void assertUntouchedOutsideC(GemmCase g) {
        for (int index = 0; index < g.c.length; index++) {
            if (!g.insideC(index) && Float.floatToRawIntBits(g.c[index]) != Float.floatToRawIntBits(GemmCase.OUTSIDE_C)) {
                fail("%s: wrote %s outside C at array index %d", g, g.c[index], index);
            }
        }
    }
}
