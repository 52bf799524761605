package dev.grove.classical.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class MultinomialNaiveBayesTest {

    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final Schema TWO_WORDS = new Schema(List.of("spam_word", "ham_word"), "y", List.of("ham", "spam"));

    private static MultinomialNaiveBayesModel fit(Dataset data, MultinomialNaiveBayesParams params) {
        return new MultinomialNaiveBayes(params).fit(data, CONTEXT);
    }

    /** {@code rows} rows of 3 random counts 0–9 with random labels 0–2. */
    private static Dataset randomCounts(int rows, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows][3];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextInt(10);
            }
            y[i] = random.nextInt(3);
        }
        return Dataset.of(x, y, new Schema(List.of("a", "b", "c"), "y", List.of("p", "q", "r")));
    }

    @Test
    void handWorkedExample() {
        // ham rows: (0, 3), (1, 1) → counts (1, 4); spam row: (4, 0) → counts (4, 0). With α = 1:
        // θ_ham = (2, 5) / 7, θ_spam = (5, 1) / 6; priors 2/3 and 1/3. For the row (1, 1):
        // log P(ham) + log θ_ham,0 + log θ_ham,1 = log(2/3 · 10/49), spam: log(1/3 · 5/36).
        Dataset data = Dataset.of(new double[][] {{0, 3}, {1, 1}, {4, 0}}, new double[] {0, 0, 1}, TWO_WORDS);
        MultinomialNaiveBayesModel model = fit(data, MultinomialNaiveBayesParams.defaults());
        assertThat(model.featureLogProbs()[0]).containsExactly(new double[] {Math.log(2.0 / 7), Math.log(5.0 / 7)},
                offset(1e-15));
        assertThat(model.featureLogProbs()[1]).containsExactly(new double[] {Math.log(5.0 / 6), Math.log(1.0 / 6)},
                offset(1e-15));
        double ham = 2.0 / 3 * 10 / 49;
        double spam = 1.0 / 3 * 5 / 36;
        double[] proba = model.predictProba(Dataset.of(new double[][] {{1, 1}}, null, TWO_WORDS))[0];
        assertThat(proba).containsExactly(new double[] {ham / (ham + spam), spam / (ham + spam)}, offset(1e-15));
    }

    @Test
    void alphaBelowTheFloorActsAsTheFloor() {
        // As scikit-learn (force_alpha false): α = 0 becomes 1e-10, so an unseen word gets a tiny but
        // finite log-probability log(1e-10 / (5 + 2e-10)) instead of −∞.
        Dataset data = Dataset.of(new double[][] {{0, 3}, {1, 1}, {4, 0}}, new double[] {0, 0, 1}, TWO_WORDS);
        MultinomialNaiveBayesModel model = fit(data, MultinomialNaiveBayesParams.defaults().withAlpha(0));
        assertThat(model.featureLogProbs()[1][1]).isCloseTo(Math.log(1e-10) - Math.log(4 + 2e-10), offset(1e-12));
        assertThat(model.predictProba(data)[0][1]).isGreaterThanOrEqualTo(0).isLessThan(1e-30);
    }

    @Test
    void uniformPriorsWhenNotFitted() {
        Dataset data = Dataset.of(new double[][] {{0, 3}, {1, 1}, {4, 0}}, new double[] {0, 0, 1}, TWO_WORDS);
        assertThat(fit(data, MultinomialNaiveBayesParams.defaults().withFitPrior(false)).classLogPriors())
                .containsExactly(Math.log(0.5), Math.log(0.5));
    }

    @Test
    void classesWithoutRowsAreNeverPredicted() {
        Schema threeClasses = new Schema(TWO_WORDS.featureNames(), "y", List.of("ham", "spam", "eggs"));
        Dataset data = Dataset.of(new double[][] {{0, 3}, {1, 1}, {4, 0}}, new double[] {0, 0, 1}, threeClasses);
        for (boolean fitPrior : new boolean[] {true, false}) {
            MultinomialNaiveBayesModel model = fit(data, MultinomialNaiveBayesParams.defaults().withFitPrior(fitPrior));
            assertThat(model.classLogPriors()[2]).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(Arrays.stream(model.predictProba(data)).mapToDouble(row -> row[2])).containsOnly(0.0);
            assertThat(model.predict(data)).doesNotContain(2);
        }
    }

    @Test
    void theThreadBudgetDoesNotChangeTheFit() {
        // Three blocks of rows, summed on one thread or several.
        Dataset data = randomCounts(2 * ClassSums.BLOCK_ROWS + 123, 3);
        var estimator = new MultinomialNaiveBayes(MultinomialNaiveBayesParams.defaults());
        MultinomialNaiveBayesModel one = estimator.fit(data, RunContext.builder(0).threads(1).build());
        MultinomialNaiveBayesModel four = estimator.fit(data, RunContext.builder(0).threads(4).build());
        assertThat(four.featureCounts()).isDeepEqualTo(one.featureCounts());
        // Whole counts sum exactly, so the blocked sums equal a plain loop.
        double[][] expected = new double[3][3];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < 3; j++) {
                expected[data.label(i)][j] += data.feature(i, j);
            }
        }
        assertThat(one.featureCounts()).isDeepEqualTo(expected);
    }

    @Test
    void negativeValuesAreRejectedNamingTheFirstRowAndColumn() {
        Dataset counts = randomCounts(3 * ClassSums.BLOCK_ROWS, 5);
        double[] x = counts.featureMatrix();
        x[(2 * ClassSums.BLOCK_ROWS + 7) * 3 + 2] = -2;
        x[(ClassSums.BLOCK_ROWS + 11) * 3 + 1] = -1;
        Dataset bad = Dataset.ofFlat(x, counts.targets(), counts.schema());
        var estimator = new MultinomialNaiveBayes(MultinomialNaiveBayesParams.defaults());
        assertThatThrownBy(() -> estimator.fit(bad, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multinomial-nb: feature 'b' of row " + (ClassSums.BLOCK_ROWS + 11) + " is -1.0; multinomial"
                        + " naive Bayes needs counts or frequencies: finite numbers >= 0");
        x[(ClassSums.BLOCK_ROWS + 11) * 3 + 1] = Double.NaN;
        Dataset withNaN = Dataset.ofFlat(x, counts.targets(), counts.schema());
        assertThatThrownBy(() -> estimator.fit(withNaN, CONTEXT)).hasMessageContaining("feature 'b' of row "
                + (ClassSums.BLOCK_ROWS + 11) + " is NaN");
        MultinomialNaiveBayesModel model = estimator.fit(counts, CONTEXT);
        Dataset negativeProbe = Dataset.of(new double[][] {{1, 2, 3}, {1, -4, 0}}, null, counts.schema());
        assertThatThrownBy(() -> model.predict(negativeProbe)).hasMessageContaining("feature 'b' of row 1 is -4.0");
    }

    @Test
    void dataItCannotLearnFromIsRejectedWithTheReason() {
        var estimator = new MultinomialNaiveBayes(MultinomialNaiveBayesParams.defaults());
        Dataset unlabelled = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> estimator.fit(unlabelled, CONTEXT)).hasMessageContaining("multinomial-nb needs class targets");
        Dataset empty = Dataset.of(new double[0][], new double[0], TWO_WORDS);
        assertThatThrownBy(() -> estimator.fit(empty, CONTEXT)).hasMessageContaining("at least one row");
        RunContext cancelled = RunContext.withSeed(0);
        cancelled.cancel();
        assertThatThrownBy(() -> estimator.fit(randomCounts(10, 1), cancelled)).isInstanceOf(CancellationException.class);
    }

    @Test
    void stateRestoresAModelThatPredictsIdentically() {
        Dataset data = randomCounts(200, 9);
        MultinomialNaiveBayesParams params = new MultinomialNaiveBayesParams(0.3, false);
        MultinomialNaiveBayesModel model = fit(data, params);
        ModelState state = model.state();
        assertThat(state.shape("class-count")).containsExactly(3);
        assertThat(state.shape("feature-count")).containsExactly(3, 3);
        MultinomialNaiveBayesModel restored = MultinomialNaiveBayesModel.restore(params, data.schema(), state);
        assertThat(restored.predictProba(data)).isDeepEqualTo(model.predictProba(data));
        assertThat(restored.featureLogProbs()).isDeepEqualTo(model.featureLogProbs());
    }

    @Test
    void restoreRejectsImpossibleCounts() {
        Schema schema = TWO_WORDS;
        ModelState negative = ModelState.builder().put("class-count", new double[] {2, 1}, 2)
                .put("feature-count", new double[] {1, 4, -4, 0}, 2, 2).build();
        assertThatThrownBy(() -> MultinomialNaiveBayesModel.restore(MultinomialNaiveBayesParams.defaults(), schema, negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'feature-count' holds -4.0")
                .hasMessageContaining("class 'spam'").hasMessageContaining("feature 'spam_word'");
        ModelState noRows = ModelState.builder().put("class-count", new double[] {0, 0}, 2)
                .put("feature-count", new double[4], 2, 2).build();
        assertThatThrownBy(() -> MultinomialNaiveBayesModel.restore(MultinomialNaiveBayesParams.defaults(), schema, noRows))
                .hasMessageContaining("'class-count' is all zero");
        ModelState misshapen = ModelState.builder().put("class-count", new double[] {2, 1}, 2)
                .put("feature-count", new double[6], 2, 3).build();
        assertThatThrownBy(() -> MultinomialNaiveBayesModel.restore(MultinomialNaiveBayesParams.defaults(), schema, misshapen))
                .hasMessageContaining("'feature-count'");
    }

    @Test
    void predictingOnOtherColumnsNamesTheColumn() {
        Dataset data = Dataset.of(new double[][] {{0, 3}, {1, 1}, {4, 0}}, new double[] {0, 0, 1}, TWO_WORDS);
        MultinomialNaiveBayesModel model = fit(data, MultinomialNaiveBayesParams.defaults());
        Dataset other = Dataset.of(new double[][] {{1, 2, 3}}, null, Schema.unlabelled(List.of("spam_word", "x", "y")));
        assertThatThrownBy(() -> model.predict(other)).hasMessageContaining("column 2").hasMessageContaining("'x'");
    }

    @Test
    void badParamsAreRejectedByName() {
        assertThatThrownBy(() -> new MultinomialNaiveBayesParams(-1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be >= 0, got -1");
        assertThatThrownBy(() -> new MultinomialNaiveBayesParams(Double.NaN, true)).hasMessageStartingWith("alpha must be");
        assertThatThrownBy(() -> new MultinomialNaiveBayesParams(Double.POSITIVE_INFINITY, true))
                .hasMessageStartingWith("alpha must be a finite number");
    }
}
