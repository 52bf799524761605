package dev.grove.neural.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final float BASE = 0.1f;

    /** The schedule's float equals the closed form to float precision (relative 1e-7). */
    private static void assertRate(float actual, double expected) {
        assertThat((double) actual).isCloseTo(expected, within(1e-7 * Math.abs(expected) + 1e-12));
    }

    @Test
    void stepDecaysEveryNEpochs() {
        Schedule schedule = new StepSchedule(new StepScheduleParams(10, 0.1));
        assertRate(schedule.rate(BASE, 0, 1000, 0), 0.1);
        assertRate(schedule.rate(BASE, 0, 1000, 9), 0.1);
        assertRate(schedule.rate(BASE, 0, 1000, 10), 0.01);
        assertRate(schedule.rate(BASE, 0, 1000, 25), 0.001);
    }

    @Test
    void exponentialDecaysEveryEpoch() {
        Schedule schedule = new ExponentialSchedule(new ExponentialScheduleParams(0.5));
        assertThat(schedule.rate(BASE, 0, 100, 0)).isEqualTo(BASE);
        assertRate(schedule.rate(BASE, 0, 100, 3), 0.1 / 8);
    }

    @Test
    void cosineAnnealsPerStepFromTheBaseToTheMinimum() {
        Schedule schedule = new CosineSchedule(new CosineScheduleParams(0.01));
        assertRate(schedule.rate(BASE, 0, 100, 0), 0.1);
        assertRate(schedule.rate(BASE, 50, 100, 3), (0.1 + 0.01) / 2);
        double quarter = 0.01 + (0.1 - 0.01) * (1 + Math.sqrt(0.5)) / 2;
        assertRate(schedule.rate(BASE, 25, 100, 1), quarter);
        assertRate(schedule.rate(BASE, 100, 100, 6), 0.01);
        assertRate(schedule.rate(BASE, 150, 100, 9), 0.01);
    }

    @Test
    void cosineDefaultsToZeroAtTheEnd() {
        Schedule schedule = new CosineSchedule(CosineScheduleParams.defaults());
        assertThat(schedule.rate(BASE, 100, 100, 0)).isEqualTo(0f);
    }

    @Test
    void badArgumentsAndParamsAreRejected() {
        Schedule cosine = new CosineSchedule(CosineScheduleParams.defaults());
        assertThatThrownBy(() -> cosine.rate(BASE, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cosine schedule: total steps must be >= 1");
        assertThatThrownBy(() -> new StepSchedule(StepScheduleParams.defaults()).rate(BASE, 0, 10, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("step schedule");
        assertThatThrownBy(() -> new StepScheduleParams(0, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every");
        assertThatThrownBy(() -> new ExponentialScheduleParams(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> new CosineScheduleParams(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min-lr");
    }
}
