package dev.grove.classical.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.Standardiser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    private static final Dataset IRIS = Standardiser.standardise(CsvData.read("iris"));
    private static final Dataset BREAST_CANCER = Standardiser.standardise(CsvData.read("breast_cancer"));
    private static final RunContext CONTEXT = RunContext.withSeed(0);

    private static LogisticRegressionModel fit(Dataset data, LogisticRegressionParams params) {
        return new LogisticRegression(params).fit(data, CONTEXT);
    }

    /** Setosa and versicolor only: linearly separable. */
    private static Dataset separableIris() {
        Dataset raw = CsvData.read("iris");
        int[] rows = new int[100];
        Arrays.setAll(rows, i -> i);
        Dataset two = raw.view(rows);
        return Dataset.ofFlat(two.featureMatrix(), two.targets(),
                new Schema(raw.schema().featureNames(), "species", List.of("setosa", "versicolor")));
    }

    @Test
    void oneFeatureSymmetricBinaryFitSolvesItsStationaryEquation() {
        // Rows x = −1 (class 0) and x = +1 (class 1), no intercept: the objective is
        // 2·log(1 + e^−w) + w²/(2c), whose derivative vanishes where w/c = 2/(1 + e^w). Solved here by
        // bisection, independently of the optimiser.
        Schema schema = new Schema(List.of("x"), "y", List.of("no", "yes"));
        Dataset data = Dataset.of(new double[][] {{-1}, {1}}, new double[] {0, 1}, schema);
        double c = 3;
        double lo = 0;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid / c - 2 / (1 + Math.exp(mid)) < 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        LogisticRegressionModel model = fit(data,
                LogisticRegressionParams.defaults().withC(c).withFitIntercept(false).withTol(1e-12).withRelativeDecreaseTol(0));
        assertThat(model.coefficients()[0][0]).isCloseTo(lo, offset(1e-10));
        assertThat(model.predictProba(data)[1][1]).isCloseTo(1 / (1 + Math.exp(-lo)), offset(1e-10));
    }

    @Test
    void probabilitiesAreDistributionsAndPredictionsTheirArgMax() {
        for (Dataset data : List.of(IRIS, BREAST_CANCER)) {
            LogisticRegressionModel model = fit(data, LogisticRegressionParams.defaults());
            double[][] proba = model.predictProba(data);
            int[] predicted = model.predict(data);
            for (int i = 0; i < proba.length; i++) {
                assertThat(Arrays.stream(proba[i]).sum()).isCloseTo(1, offset(1e-12));
                assertThat(Arrays.stream(proba[i]).allMatch(p -> p >= 0 && p <= 1)).as("row %d in [0, 1]", i).isTrue();
                int best = 0;
                for (int k = 1; k < proba[i].length; k++) {
                    best = proba[i][k] > proba[i][best] ? k : best;
                }
                assertThat(predicted[i]).as("row %d", i).isEqualTo(best);
            }
        }
    }

    @Test
    void noPenaltyOnSeparableDataGrowsLargeFiniteWeights() {
        Dataset data = separableIris();
        LogisticRegressionModel model = fit(data,
                LogisticRegressionParams.defaults().withPenalty("none").withTol(1e-12).withRelativeDecreaseTol(0));
        double[] w = model.coefficients()[0];
        assertThat(Arrays.stream(w).allMatch(Double::isFinite)).as("finite weights %s", Arrays.toString(w)).isTrue();
        assertThat(model.intercepts()[0]).isFinite();
        // With l2 at c = 1 the weights stay below 3 in size; without it the margin keeps growing.
        double largest = Arrays.stream(w).map(Math::abs).max().orElseThrow();
        double penalisedLargest = Arrays.stream(fit(data, LogisticRegressionParams.defaults()).coefficients()[0])
                .map(Math::abs).max().orElseThrow();
        assertThat(penalisedLargest).isLessThan(3);
        assertThat(largest).isGreaterThan(10 * penalisedLargest);
        assertThat(model.nIter()).isBetween(1, 100);
        assertThat(model.predict(data)).isEqualTo(data.labels());
        assertThat(Arrays.stream(model.predictProba(data)).flatMapToDouble(Arrays::stream).noneMatch(Double::isNaN)).isTrue();
    }

    @Test
    void stopsAtMaxIterWithoutConverging() {
        LogisticRegressionModel model = fit(IRIS, LogisticRegressionParams.defaults().withMaxIter(3));
        assertThat(model.nIter()).isEqualTo(3);
        assertThat(model.converged()).isFalse();
        assertThat(model.state().attributes()).containsEntry("n-iter", "3").containsEntry("converged", "false");
    }

    @Test
    void twoFitsGiveIdenticalModels() {
        LogisticRegressionModel a = fit(IRIS, LogisticRegressionParams.defaults());
        LogisticRegressionModel b = new LogisticRegression(LogisticRegressionParams.defaults()).fit(IRIS, RunContext.withSeed(99));
        assertThat(b.coefficients()).isDeepEqualTo(a.coefficients());
        assertThat(b.intercepts()).isEqualTo(a.intercepts());
        assertThat(b.nIter()).isEqualTo(a.nIter());
    }

    @Test
    void theThreadBudgetDoesNotChangeTheResult() {
        // 569 rows make three blocks of rows, summed on one thread or several.
        var estimator = new LogisticRegression(LogisticRegressionParams.defaults());
        LogisticRegressionModel one = estimator.fit(BREAST_CANCER, RunContext.builder(0).threads(1).build());
        LogisticRegressionModel four = estimator.fit(BREAST_CANCER, RunContext.builder(0).threads(4).build());
        assertThat(four.coefficients()).isDeepEqualTo(one.coefficients());
        assertThat(four.intercepts()).isEqualTo(one.intercepts());
    }

    @Test
    void stateRestoresAModelThatPredictsIdentically() {
        for (Dataset data : List.of(IRIS, BREAST_CANCER)) {
            LogisticRegressionModel model = fit(data, LogisticRegressionParams.defaults());
            ModelState state = model.state();
            int weightRows = data.schema().classLabels().size() == 2 ? 1 : 3;
            assertThat(state.shape("coef")).containsExactly(weightRows, data.featureCount());
            assertThat(state.shape("intercept")).containsExactly(weightRows);
            assertThat(state.attribute("n-iter")).isEqualTo(Integer.toString(model.nIter()));
            LogisticRegressionModel restored = LogisticRegressionModel.restore(LogisticRegressionParams.defaults(),
                    data.schema(), state);
            assertThat(restored.predictProba(data)).isDeepEqualTo(model.predictProba(data));
            assertThat(restored.predict(data)).isEqualTo(model.predict(data));
            assertThat(restored.nIter()).isEqualTo(model.nIter());
            assertThat(restored.converged()).isEqualTo(model.converged());
        }
    }

    @Test
    void restoreRejectsStateThatDoesNotFitTheSchema() {
        ModelState state = fit(IRIS, LogisticRegressionParams.defaults()).state();
        Schema fiveFeatures = new Schema(List.of("a", "b", "c", "d", "e"), "species", IRIS.schema().classLabels());
        assertThatThrownBy(() -> LogisticRegressionModel.restore(LogisticRegressionParams.defaults(), fiveFeatures, state))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'coef'").hasMessageContaining("[3, 4]");
        ModelState poisoned = ModelState.builder().put("coef", new double[] {1, 2, Double.NaN, 4}, 1, 4)
                .put("intercept", new double[] {0}, 1).attribute("n-iter", "5").attribute("converged", "true").build();
        Schema binary = new Schema(IRIS.schema().featureNames(), "species", List.of("a", "b"));
        assertThatThrownBy(() -> LogisticRegressionModel.restore(LogisticRegressionParams.defaults(), binary, poisoned))
                .hasMessageContaining("'coef'").hasMessageContaining("NaN").hasMessageContaining("index 2");
        ModelState badCount = ModelState.builder().put("coef", new double[4], 1, 4).put("intercept", new double[1], 1)
                .attribute("n-iter", "-2").attribute("converged", "true").build();
        assertThatThrownBy(() -> LogisticRegressionModel.restore(LogisticRegressionParams.defaults(), binary, badCount))
                .hasMessageContaining("'n-iter'").hasMessageContaining("-2");
    }

    @Test
    void predictingOnOtherColumnsNamesTheColumn() {
        LogisticRegressionModel model = fit(IRIS, LogisticRegressionParams.defaults());
        List<String> names = new ArrayList<>(IRIS.schema().featureNames());
        names.set(2, "petal_area");
        Dataset other = IRIS.withFeatures(IRIS.featureMatrix(), names);
        assertThatThrownBy(() -> model.predict(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 3").hasMessageContaining("'petal_area'").hasMessageContaining("'petal_length'");
        assertThatThrownBy(() -> model.predictProba(other)).hasMessageContaining("'petal_area'");
    }

    @Test
    void recordsTheLossOfEveryIterationAndReportsProgress() {
        List<Double> losses = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        RunContext context = RunContext.builder(1)
                .history((scope, step, values) -> {
                    assertThat(step).isEqualTo(losses.size() + 1);
                    losses.add(values.get("loss"));
                })
                .progress((task, done, total, message) -> {
                    assertThat(task).isEqualTo("logistic-regression");
                    assertThat(total).isEqualTo(100);
                    progress.add(done);
                })
                .build();
        LogisticRegressionModel model = new LogisticRegression(LogisticRegressionParams.defaults()).fit(IRIS, context);
        assertThat(losses).hasSize(model.nIter());
        assertThat(progress).hasSize(model.nIter());
        // At zero weights every class has probability 1/3, so the per-row loss starts below ln 3 and falls.
        assertThat(losses.get(0)).isLessThan(Math.log(3));
        for (int i = 1; i < losses.size(); i++) {
            assertThat(losses.get(i)).isLessThanOrEqualTo(losses.get(i - 1) * (1 + 1e-10));
        }
    }

    @Test
    void cancellationStopsTheFit() {
        RunContext cancelled = RunContext.withSeed(0);
        cancelled.cancel();
        var estimator = new LogisticRegression(LogisticRegressionParams.defaults());
        assertThatThrownBy(() -> estimator.fit(IRIS, cancelled)).isInstanceOf(CancellationException.class);
        RunContext[] holder = new RunContext[1];
        holder[0] = RunContext.builder(0).history((scope, step, values) -> {
            if (step == 2) {
                holder[0].cancel();
            }
        }).build();
        assertThatThrownBy(() -> estimator.fit(IRIS, holder[0])).isInstanceOf(CancellationException.class);
    }

    @Test
    void dataItCannotLearnFromIsRejectedWithTheReason() {
        var estimator = new LogisticRegression(LogisticRegressionParams.defaults());
        Dataset regression = Dataset.of(new double[][] {{1}, {2}}, new double[] {0.5, 1.5},
                new Schema(List.of("x"), "price", List.of()));
        assertThatThrownBy(() -> estimator.fit(regression, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs class targets").hasMessageContaining("'price'");
        Dataset oneClass = Dataset.of(new double[][] {{1}, {2}}, new double[] {1, 1},
                new Schema(List.of("x"), "y", List.of("a", "b")));
        assertThatThrownBy(() -> estimator.fit(oneClass, CONTEXT)).hasMessageContaining("at least 2 classes")
                .hasMessageContaining("'b'");
        Dataset withNaN = Dataset.of(new double[][] {{1, 2}, {Double.NaN, 3}}, new double[] {0, 1},
                new Schema(List.of("x", "z"), "y", List.of("a", "b")));
        assertThatThrownBy(() -> estimator.fit(withNaN, CONTEXT)).hasMessageContaining("feature 'x' of row 1 is NaN");
    }

    @Test
    void classesWithoutRowsGetLowProbabilities() {
        Dataset raw = CsvData.read("iris");
        int[] rows = new int[100];
        Arrays.setAll(rows, i -> i);
        Dataset noVirginica = Standardiser.standardise(raw.view(rows));
        LogisticRegressionModel model = fit(noVirginica, LogisticRegressionParams.defaults());
        assertThat(model.coefficients()).hasNumberOfRows(3);
        assertThat(model.predict(noVirginica)).doesNotContain(2).isEqualTo(noVirginica.labels());
        assertThat(Arrays.stream(model.predictProba(noVirginica)).mapToDouble(row -> row[2]).max().orElseThrow())
                .isLessThan(0.05);
    }

    @Test
    void theRelativeDecreaseRuleEndsDefaultFitsEarlierThanTheGradientRuleAlone() {
        // scipy's rule, kept by scikit-learn: the default fit stops (converged) once an iteration lowers
        // the objective by at most 2.2e-9 of its size, before the gradient reaches 1e-4.
        LogisticRegressionModel early = fit(BREAST_CANCER, LogisticRegressionParams.defaults());
        LogisticRegressionModel late = fit(BREAST_CANCER,
                LogisticRegressionParams.defaults().withRelativeDecreaseTol(0).withMaxIter(1000));
        assertThat(early.converged()).isTrue();
        assertThat(late.converged()).isTrue();
        assertThat(early.nIter()).isLessThan(late.nIter());
    }

    @Test
    void badPenaltyParamsAreRejectedByName() {
        var d = LogisticRegressionParams.defaults();
        assertThatThrownBy(() -> d.withPenalty("lasso")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("penalty must be one of l1, l2, elastic-net, none, got 'lasso'");
        assertThatThrownBy(() -> d.withL1Ratio(1.5)).hasMessage("l1-ratio must be <= 1, got 1.5");
        assertThatThrownBy(() -> d.withL1Ratio(-0.1)).hasMessage("l1-ratio must be >= 0, got -0.1");
        assertThatThrownBy(() -> d.withRelativeDecreaseTol(-1)).hasMessage("relative-decrease-tol must be >= 0, got -1");
        assertThat(d.withPenalty("elastic-net").withL1Ratio(0.25).withC(2)).satisfies(p -> {
            assertThat(p.l1Strength()).isEqualTo(0.125);
            assertThat(p.l2Strength()).isEqualTo(0.375);
        });
        assertThat(d.withPenalty("l1").withC(4).l1Strength()).isEqualTo(0.25);
        assertThat(d.withPenalty("l1").l2Strength()).isZero();
        assertThat(d.withPenalty("none").l1Strength()).isZero();
    }

    @Test
    void keepsTheParamsItWasGiven() {
        var params = LogisticRegressionParams.defaults().withC(0.5).withPenalty("none");
        assertThat(new LogisticRegression(params).params())
                .isEqualTo(new LogisticRegressionParams("none", 0.5, 0.5, 100, 1e-4, 2.220446049250313e-9, true));
    }
}
