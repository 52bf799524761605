package dev.grove.generative.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The float polynomials of the binary cross-entropy against Java's float64 library functions. */
class LogisticMathTest {

    @Test
    void expOfMinusAIsWithinTwoUlpsOfTheFloat64ValueDownToTheSmallestNormalFloat() {
        for (int i = 0; i <= 870_000; i++) {
            float a = i * 1e-4f;
            double exact = Math.exp(-(double) a);
            float approximation = LogisticMath.expNegative(a);
            assertThat(Math.abs(approximation - exact)).as("e^-%s", a).isLessThanOrEqualTo(2 * Math.ulp((float) exact));
        }
        assertThat(LogisticMath.expNegative(0f)).isEqualTo(1f);
        assertThat(LogisticMath.expNegative(1000f)).isEqualTo((float) Math.exp(-87), Offset.offset(1e-44f));
    }

    @Test
    void logOfOnePlusTIsWithinThreeUlpsOfTheFloat64ValueOnTheUnitInterval() {
        for (int i = 0; i <= 1_000_000; i++) {
            float t = i * 1e-6f;
            double exact = Math.log1p(t);
            float approximation = LogisticMath.log1pUnit(t);
            assertThat(Math.abs(approximation - exact)).as("log(1 + %s)", t).isLessThanOrEqualTo(3 * Math.ulp((float) exact));
        }
        // Tiny t: log(1 + t) = t to float precision.
        assertThat(LogisticMath.log1pUnit(1e-30f)).isEqualTo(1e-30f);
    }

    @Test
    void theSigmoidFromTheExponentialOfMinusTheMagnitudeIsExactOnBothSides() {
        for (float z : new float[] {-80f, -20f, -3.5f, -1e-3f, -0f, 0f, 1e-3f, 2f, 30f, 100f}) {
            double exact = 1 / (1 + Math.exp(-(double) z));
            float sigmoid = LogisticMath.sigmoid(z, LogisticMath.expNegative(Math.abs(z)));
            assertThat((double) sigmoid).as("sigmoid(%s)", z).isCloseTo(exact, Offset.offset(3 * Math.ulp((float) exact) + 1e-44));
        }
        // Far out on the left the value is tiny, not 0 (no 1 - tiny cancellation); beyond -87 it stays at e^-87.
        assertThat(LogisticMath.sigmoid(-20f, LogisticMath.expNegative(20f))).isCloseTo(2.0611537e-9f, Offset.offset(1e-15f));
        assertThat(LogisticMath.sigmoid(-100f, LogisticMath.expNegative(100f))).isPositive().isLessThan(2e-38f);
    }
}
