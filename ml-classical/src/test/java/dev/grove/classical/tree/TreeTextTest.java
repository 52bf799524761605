package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers in tree text round as Python's "{:.2f}" does (the outputs below are Python 3's). */
class TreeTextTest {

    @Test
    void twoDecimalsRoundTheExactBinaryValueTiesToEven() {
        assertThat(TreeText.fixed(0.125)).isEqualTo("0.12");
        assertThat(TreeText.fixed(0.375)).isEqualTo("0.38");
        // 2.675 and 1.005 are stored slightly below, 0.005 slightly above, the written decimal.
        assertThat(TreeText.fixed(2.675)).isEqualTo("2.67");
        assertThat(TreeText.fixed(1.005)).isEqualTo("1.00");
        assertThat(TreeText.fixed(0.005)).isEqualTo("0.01");
        assertThat(TreeText.fixed(1234.5678)).isEqualTo("1234.57");
        assertThat(TreeText.fixed(1e10)).isEqualTo("10000000000.00");
    }

    @Test
    void theSignOfSmallNegativesAndNegativeZeroIsKept() {
        assertThat(TreeText.fixed(-0.001)).isEqualTo("-0.00");
        assertThat(TreeText.fixed(-0.0)).isEqualTo("-0.00");
        assertThat(TreeText.fixed(-2.5)).isEqualTo("-2.50");
    }
}
