package dev.grove.classical.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class GaussianNaiveBayesTest {

    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final Dataset IRIS = CsvData.read("iris");
    private static final Schema ONE_FEATURE = new Schema(List.of("x"), "y", List.of("low", "high"));

    private static GaussianNaiveBayesModel fit(Dataset data, double varSmoothing) {
        return new GaussianNaiveBayes(new GaussianNaiveBayesParams(varSmoothing)).fit(data, CONTEXT);
    }

    @Test
    void handWorkedExample() {
        // Class low: x ∈ {1, 3} → mean 2, variance 1. Class high: x ∈ {6, 8} → mean 7, variance 1.
        // Equal priors and variances, so at x = 4 the log-odds are −½(4−2)² + ½(4−7)² = 2.5 and
        // P(low | 4) = σ(2.5). All rows: mean 4.5, variance (12.25 + 2.25 + 2.25 + 12.25) / 4 = 7.25,
        // so ε = 0.1 × 7.25 = 0.725 when var-smoothing is 0.1.
        Dataset data = Dataset.of(new double[][] {{1}, {3}, {6}, {8}}, new double[] {0, 0, 1, 1}, ONE_FEATURE);
        GaussianNaiveBayesModel model = fit(data, 0);
        assertThat(model.means()).isDeepEqualTo(new double[][] {{2}, {7}});
        assertThat(model.variances()).isDeepEqualTo(new double[][] {{1}, {1}});
        assertThat(model.classPriors()).containsExactly(0.5, 0.5);
        Dataset probe = Dataset.of(new double[][] {{4}, {5}}, null, ONE_FEATURE);
        double[][] proba = model.predictProba(probe);
        assertThat(proba[0][0]).isCloseTo(1 / (1 + Math.exp(-2.5)), offset(1e-15));
        // At x = 5: −½·9 + ½·4 = −2.5, the mirror image.
        assertThat(proba[1][1]).isCloseTo(1 / (1 + Math.exp(-2.5)), offset(1e-15));
        assertThat(model.predict(probe)).containsExactly(0, 1);

        GaussianNaiveBayesModel smoothed = fit(data, 0.1);
        assertThat(smoothed.epsilon()).isCloseTo(0.725, offset(1e-15));
        assertThat(smoothed.variances()[0][0]).isCloseTo(1.725, offset(1e-15));
    }

    @Test
    void priorsFollowClassFrequencies() {
        Dataset data = Dataset.of(new double[][] {{1}, {2}, {3}, {10}}, new double[] {0, 0, 0, 1}, ONE_FEATURE);
        assertThat(fit(data, 1e-9).classPriors()).containsExactly(0.75, 0.25);
    }

    @Test
    void probabilitiesAreDistributions() {
        GaussianNaiveBayesModel model = fit(IRIS, 1e-9);
        for (double[] row : model.predictProba(IRIS)) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(1, offset(1e-12));
        }
    }

    @Test
    void aConstantFeatureWithoutSmoothingIsRejectedByName() {
        Schema schema = new Schema(List.of("x", "flag"), "y", List.of("low", "high"));
        Dataset data = Dataset.of(new double[][] {{1, 0}, {3, 0}, {6, 1}, {8, 2}}, new double[] {0, 0, 1, 1}, schema);
        assertThatThrownBy(() -> fit(data, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 'flag'").hasMessageContaining("class 'low'").hasMessageContaining("var-smoothing");
        // The default smoothing lifts the zero variance to ε > 0.
        assertThat(fit(data, 1e-9).variances()[0][1]).isGreaterThan(0);
    }

    @Test
    void classesWithoutRowsAreNeverPredicted() {
        Schema schema = new Schema(List.of("x"), "y", List.of("a", "b", "c"));
        Dataset data = Dataset.of(new double[][] {{1}, {2}, {7}, {9}}, new double[] {0, 0, 2, 2}, schema);
        GaussianNaiveBayesModel model = fit(data, 1e-9);
        assertThat(model.classPriors()).containsExactly(0.5, 0, 0.5);
        Dataset probe = Dataset.of(new double[][] {{1.5}, {4.5}, {20}}, null, schema);
        for (double[] row : model.predictProba(probe)) {
            assertThat(row[1]).isZero();
            assertThat(row[0] + row[2]).isCloseTo(1, offset(1e-12));
        }
        assertThat(model.predict(probe)).doesNotContain(1);
    }

    @Test
    void stateRestoresAModelThatPredictsIdentically() {
        GaussianNaiveBayesModel model = fit(IRIS, 1e-9);
        ModelState state = model.state();
        assertThat(state.shape("means")).containsExactly(3, 4);
        assertThat(state.shape("variances")).containsExactly(3, 4);
        assertThat(state.shape("class-priors")).containsExactly(3);
        GaussianNaiveBayesModel restored = GaussianNaiveBayesModel.restore(GaussianNaiveBayesParams.defaults(),
                IRIS.schema(), state);
        assertThat(restored.predictProba(IRIS)).isDeepEqualTo(model.predictProba(IRIS));
        assertThat(restored.predict(IRIS)).isEqualTo(model.predict(IRIS));
        assertThat(restored.epsilon()).isEqualTo(model.epsilon());
    }

    @Test
    void restoreRejectsImpossibleState() {
        Schema schema = ONE_FEATURE;
        ModelState negativeVariance = ModelState.builder().put("class-priors", new double[] {0.5, 0.5}, 2)
                .put("means", new double[] {0, 1}, 2, 1).put("variances", new double[] {1, -1}, 2, 1)
                .attribute("epsilon", "0").build();
        assertThatThrownBy(() -> GaussianNaiveBayesModel.restore(GaussianNaiveBayesParams.defaults(), schema, negativeVariance))
                .hasMessageContaining("'variances'").hasMessageContaining("class 'high'").hasMessageContaining("feature 'x'");
        ModelState priorsOff = ModelState.builder().put("class-priors", new double[] {0.5, 0.6}, 2)
                .put("means", new double[] {0, 1}, 2, 1).put("variances", new double[] {1, 1}, 2, 1)
                .attribute("epsilon", "0").build();
        assertThatThrownBy(() -> GaussianNaiveBayesModel.restore(GaussianNaiveBayesParams.defaults(), schema, priorsOff))
                .hasMessageContaining("'class-priors' sums to 1.1");
        ModelState missing = ModelState.builder().put("class-priors", new double[] {0.5, 0.5}, 2).build();
        assertThatThrownBy(() -> GaussianNaiveBayesModel.restore(GaussianNaiveBayesParams.defaults(), schema, missing))
                .hasMessageContaining("missing array 'means'");
    }

    @Test
    void predictingOnOtherColumnsNamesTheColumn() {
        GaussianNaiveBayesModel model = fit(IRIS, 1e-9);
        Dataset fewer = Dataset.of(new double[][] {{1, 2, 3}},
                null, Schema.unlabelled(IRIS.schema().featureNames().subList(0, 3)));
        assertThatThrownBy(() -> model.predict(fewer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 4").hasMessageContaining("'petal_width'");
    }

    @Test
    void dataItCannotLearnFromIsRejectedWithTheReason() {
        var estimator = new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults());
        Dataset unlabelled = Dataset.of(new double[][] {{1}}, null, Schema.unlabelled(List.of("x")));
        assertThatThrownBy(() -> estimator.fit(unlabelled, CONTEXT)).hasMessageContaining("gaussian-nb needs class targets");
        Dataset infinite = Dataset.of(new double[][] {{1}, {Double.POSITIVE_INFINITY}}, new double[] {0, 1}, ONE_FEATURE);
        assertThatThrownBy(() -> estimator.fit(infinite, CONTEXT)).hasMessageContaining("feature 'x' of row 1 is Infinity");
        RunContext cancelled = RunContext.withSeed(0);
        cancelled.cancel();
        assertThatThrownBy(() -> estimator.fit(IRIS, cancelled)).isInstanceOf(CancellationException.class);
    }
}
