package dev.grove.classical.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class BernoulliNaiveBayesTest {

    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final Schema SCHEMA = new Schema(List.of("x", "z"), "y", List.of("no", "yes"));

    private static BernoulliNaiveBayesModel fit(Dataset data, BernoulliNaiveBayesParams params) {
        return new BernoulliNaiveBayes(params).fit(data, CONTEXT);
    }

    @Test
    void handWorkedExample() {
        // Threshold 0.5: "no" rows (0.2, 0.9) and (0.7, 0.5) → present (0, 1) and (1, 0): counts (1, 1) of 2;
        // "yes" row (3, 3) → (1, 1) of 1. With α = 1: p_no = (2/4, 2/4), p_yes = (2/3, 2/3). A value equal
        // to the threshold (0.5) is absent: scikit-learn's binarize keeps only values above it.
        Dataset data = Dataset.of(new double[][] {{0.2, 0.9}, {0.7, 0.5}, {3, 3}}, new double[] {0, 0, 1}, SCHEMA);
        BernoulliNaiveBayesModel model = fit(data, BernoulliNaiveBayesParams.defaults().withBinarize(0.5));
        assertThat(model.featureCounts()).isDeepEqualTo(new double[][] {{1, 1}, {1, 1}});
        assertThat(model.featureLogProbs()[0]).containsExactly(new double[] {Math.log(0.5), Math.log(0.5)}, offset(1e-15));
        assertThat(model.featureLogProbs()[1]).containsExactly(new double[] {Math.log(2.0 / 3), Math.log(2.0 / 3)},
                offset(1e-15));
        // The row (0, 0): both absent. no: 2/3 · ½ · ½; yes: 1/3 · ⅓ · ⅓.
        double no = 2.0 / 3 / 4;
        double yes = 1.0 / 3 / 9;
        double[] proba = model.predictProba(Dataset.of(new double[][] {{0, 0}}, null, SCHEMA))[0];
        assertThat(proba).containsExactly(new double[] {no / (no + yes), yes / (no + yes)}, offset(1e-15));
    }

    @Test
    void aNegativeThresholdTakesZeroOneFeaturesAsTheyAreAndRejectsOthers() {
        Dataset binary = Dataset.of(new double[][] {{0, 1}, {1, 1}, {1, 0}}, new double[] {0, 0, 1}, SCHEMA);
        var estimator = new BernoulliNaiveBayes(BernoulliNaiveBayesParams.defaults().withBinarize(-1));
        assertThat(estimator.fit(binary, CONTEXT).featureCounts()).isDeepEqualTo(new double[][] {{1, 2}, {1, 0}});
        Dataset counts = Dataset.of(new double[][] {{0, 1}, {1, 2}, {1, 0}}, new double[] {0, 0, 1}, SCHEMA);
        assertThatThrownBy(() -> estimator.fit(counts, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bernoulli-nb: feature 'z' of row 1 is 2.0; with binarize < 0 the features must already be"
                        + " 0 or 1 (give binarize >= 0 to threshold them)");
        BernoulliNaiveBayesModel model = estimator.fit(binary, CONTEXT);
        assertThatThrownBy(() -> model.predict(counts)).hasMessageContaining("feature 'z' of row 1 is 2.0");
    }

    @Test
    void nonFiniteValuesAreRejectedRatherThanBinarised() {
        // NaN > 0 is false, so a thresholding loop alone would read NaN as "absent".
        Dataset withNaN = Dataset.of(new double[][] {{0.2, 0.9}, {Double.NaN, 0.5}}, new double[] {0, 1}, SCHEMA);
        assertThatThrownBy(() -> fit(withNaN, BernoulliNaiveBayesParams.defaults()))
                .hasMessage("bernoulli-nb: feature 'x' of row 1 is NaN; the features must be finite numbers");
    }

    @Test
    void stateRestoresAModelThatPredictsIdentically() {
        Dataset data = Dataset.of(new double[][] {{0.2, 0.9}, {0.7, 0.5}, {3, 3}, {0, 2}}, new double[] {0, 0, 1, 1}, SCHEMA);
        BernoulliNaiveBayesParams params = new BernoulliNaiveBayesParams(0.7, 0.6, false);
        BernoulliNaiveBayesModel model = fit(data, params);
        BernoulliNaiveBayesModel restored = BernoulliNaiveBayesModel.restore(params, SCHEMA, model.state());
        assertThat(restored.predictProba(data)).isDeepEqualTo(model.predictProba(data));
        assertThat(restored.featureCounts()).isDeepEqualTo(model.featureCounts());
    }

    @Test
    void restoreRejectsAFeaturePresentInMoreRowsThanItsClassHas() {
        ModelState state = ModelState.builder().put("class-count", new double[] {2, 1}, 2)
                .put("feature-count", new double[] {1, 1, 2, 0}, 2, 2).build();
        assertThatThrownBy(() -> BernoulliNaiveBayesModel.restore(BernoulliNaiveBayesParams.defaults(), SCHEMA, state))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'feature-count' holds 2.0")
                .hasMessageContaining("class 'yes'").hasMessageContaining("feature 'x'").hasMessageContaining("1.0 rows");
    }

    @Test
    void badParamsAreRejectedByName() {
        assertThatThrownBy(() -> BernoulliNaiveBayesParams.defaults().withAlpha(-0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be >= 0, got -0.5");
        assertThatThrownBy(() -> BernoulliNaiveBayesParams.defaults().withBinarize(Double.NaN))
                .hasMessageStartingWith("binarize must be a finite number");
    }
}
