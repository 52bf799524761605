package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;

/** The ml-tensor tests' shorthand for {@link GradientCheck}: an assertion per checked function. */
final class GradCheck {

    private GradCheck() {
    }

    static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradientCheck.Result result = GradientCheck.standard().check(f, inputs);
        assertThat(result.passed()).as("%s: %s", name, result.failure()).isTrue();
    }

    static Tensor spread(long seed, int... shape) {
        return GradientCheck.spread(seed, shape);
    }

    /** Random values in [low, high). */
    static Tensor uniform(long seed, float low, float high, int... shape) {
        return Tensor.uniform(new Rng(seed), low, high, shape);
    }
}
