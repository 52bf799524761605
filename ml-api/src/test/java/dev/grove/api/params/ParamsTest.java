package dev.grove.api.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParamsTest {

    record Sample(@Min(value = 0, exclusive = true) double c, @Min(1) @Max(10) int maxIter, @OneOf({"l2", "none"}) String penalty) {
    }

    @Test
    void annotationsAreEnforcedWithTheKebabCaseName() {
        assertThat(Params.validate(new Sample(1, 5, "l2"))).isNotNull();
        assertThatThrownBy(() -> Params.validate(new Sample(0, 5, "l2"))).hasMessage("c must be > 0, got 0");
        assertThatThrownBy(() -> Params.validate(new Sample(1, 11, "l2"))).hasMessage("max-iter must be <= 10, got 11");
        assertThatThrownBy(() -> Params.validate(new Sample(1, 5, "l1"))).hasMessage("penalty must be one of l2, none, got 'l1'");
        assertThatThrownBy(() -> Params.validate(new Sample(Double.NaN, 5, "l2"))).hasMessageContaining("got NaN");
    }

    @Test
    void kebabCase() {
        assertThat(Params.kebab("maxIter")).isEqualTo("max-iter");
        assertThat(Params.kebab("c")).isEqualTo("c");
        assertThat(Params.kebab("featureRangeMin")).isEqualTo("feature-range-min");
    }
}
