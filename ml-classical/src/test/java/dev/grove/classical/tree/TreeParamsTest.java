package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.params.Params;
import org.junit.jupiter.api.Test;

/** Params of decision-tree and random-forest: scikit-learn's defaults, bad values named, max-features resolved. */
class TreeParamsTest {

    @Test
    void defaultsAreValidAndScikitLearns() {
        assertThat(Params.validate(DecisionTreeParams.defaults())).isEqualTo(new DecisionTreeParams("auto", 0, 2, 1, "all"));
        assertThat(Params.validate(RandomForestParams.defaults()))
                .isEqualTo(new RandomForestParams(100, "auto", 0, 2, 1, "auto", true));
    }

    @Test
    void badValuesAreRejectedByName() {
        var d = DecisionTreeParams.defaults();
        assertThatThrownBy(() -> d.withMaxDepth(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max-depth must be >= 0, got -1");
        assertThatThrownBy(() -> d.withMinSamplesSplit(1)).hasMessage("min-samples-split must be >= 2, got 1");
        assertThatThrownBy(() -> d.withMinSamplesLeaf(0)).hasMessage("min-samples-leaf must be >= 1, got 0");
        assertThatThrownBy(() -> d.withCriterion("gain"))
                .hasMessage("criterion must be one of auto, gini, entropy, mse, got 'gain'");
        assertThatThrownBy(() -> d.withMaxFeatures("0"))
                .hasMessage("max-features must be auto, all, sqrt, log2, a count >= 1 or a fraction in (0, 1], got '0'");
        assertThatThrownBy(() -> d.withMaxFeatures(null)).hasMessageStartingWith("max-features must be");
        assertThatThrownBy(() -> d.withMaxFeatures("0.0")).hasMessageStartingWith("max-features must be");
    }

    @Test
    void maxFeaturesResolveAsScikitLearnsDo() {
        // scikit-learn: sqrt → max(1, int(sqrt(n))), log2 → max(1, int(log2(n))), a float → max(1, int(f × n)).
        assertThat(MaxFeatures.resolve("t", "sqrt", 50, true)).isEqualTo(7);
        assertThat(MaxFeatures.resolve("t", "log2", 50, true)).isEqualTo(5);
        assertThat(MaxFeatures.resolve("t", "log2", 1, true)).isEqualTo(1);
        assertThat(MaxFeatures.resolve("t", "auto", 64, true)).isEqualTo(8);
        assertThat(MaxFeatures.resolve("t", "auto", 64, false)).isEqualTo(64);
        assertThat(MaxFeatures.resolve("t", "0.33", 10, false)).isEqualTo(3);
        assertThat(MaxFeatures.resolve("t", "0.01", 10, false)).isEqualTo(1);
        assertThat(MaxFeatures.resolve("t", "4", 10, false)).isEqualTo(4);
        assertThat(MaxFeatures.resolve("t", "all", 10, false)).isEqualTo(10);
    }
}
