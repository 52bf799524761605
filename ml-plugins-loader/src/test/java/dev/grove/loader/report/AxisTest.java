package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTest {

    @Test
    void aLinearAxisExtendsToRoundTicks() {
        // Range 0.93 over about five ticks: a step of 0.186, rounded up to 0.2.
        Axis axis = Axis.linear(0, 0.93);
        assertThat(axis.ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(axis.min()).isEqualTo(0.0);
        assertThat(axis.max()).isEqualTo(1.0);
        assertThat(axis.fraction(0.25)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void anEmptyRangeIsWidenedAroundItsValue() {
        // 3 ± 10% is [2.7, 3.3]; a step of 0.2 (0.12 rounded up) gives ticks from 2.6 to 3.4.
        Axis axis = Axis.linear(3, 3);
        assertThat(axis.ticks()).containsExactly(2.6, 2.8, 3.0, 3.2, 3.4);
    }

    @Test
    void aLogAxisTicksAtPowersOfTen() {
        Axis axis = Axis.log(0.003, 42);
        assertThat(axis.ticks()).containsExactly(1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0);
        // 1 is three decades above 1e-3 out of five.
        assertThat(axis.fraction(1)).isCloseTo(0.6, within(1e-12));
        assertThat(axis.label(1e-3)).isEqualTo("1e-3");
        assertThat(axis.label(10)).isEqualTo("10");
    }

    @Test
    void categoriesSitAtWholePositionsWithHalfAStepOfRoom() {
        Axis axis = Axis.categories(3);
        assertThat(axis.ticks()).containsExactly(0.0, 1.0, 2.0);
        assertThat(axis.fraction(0)).isCloseTo(1 / 6.0, within(1e-12));
    }
}
