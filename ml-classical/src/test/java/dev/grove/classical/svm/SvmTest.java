package dev.grove.classical.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.Standardiser;
import dev.grove.tensor.ThreadBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code svm} promises beyond matching scikit-learn: the optimality conditions of every pairwise
 * dual, the linear decision as w·x + b, a model independent of the cache size and the thread
 * budget, the saved state, and clear errors for bad input.
 */
class SvmTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset WINE = Standardiser.standardise(CsvData.read("wine"));
    private static final Dataset BREAST_CANCER = Standardiser.standardise(CsvData.read("breast_cancer"));

    private static SvmModel fit(SvmParams params, Dataset data) {
        return new Svm(params).fit(data, RunContext.withSeed(0));
    }

    @Test
    void linearKernelDecisionIsWeightsDotRowPlusIntercept() {
        SvmModel model = fit(SvmParams.defaults().withKernel("linear"), WINE);
        double[][] supportVectors = model.supportVectors();
        double[][] dual = model.dualCoefficients();
        int[] counts = model.supportCounts();
        int[] classOfSupport = new int[supportVectors.length];
        for (int a = 0, s = 0; a < counts.length; a++) {
            for (int c = 0; c < counts[a]; c++) {
                classOfSupport[s++] = a;
            }
        }
        double[][] decision = model.decisionFunction(WINE.withoutTargets());
        int features = WINE.featureCount();
        for (int a = 0, p = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++, p++) {
                // w = Σ over the support vectors of classes a and b of their pair coefficient times the vector.
                double[] w = new double[features];
                for (int s = 0; s < supportVectors.length; s++) {
                    double coefficient = classOfSupport[s] == a ? dual[b - 1][s] : classOfSupport[s] == b ? dual[a][s] : 0;
                    for (int f = 0; f < features; f++) {
                        w[f] += coefficient * supportVectors[s][f];
                    }
                }
                for (int i = 0; i < WINE.rows(); i++) {
                    double expected = model.intercepts()[p];
                    for (int f = 0; f < features; f++) {
                        expected += w[f] * WINE.feature(i, f);
                    }
                    assertThat(decision[i][p]).as("pair " + p + ", row " + i).isCloseTo(expected, offset(1e-9));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linear", "rbf", "poly", "sigmoid"})
    void everyKernelSatisfiesTheOptimalityConditionsOfItsDuals(String kernel) {
        double c = 1.0;
        double tol = 1e-3;
        SvmModel model = fit(SvmParams.defaults().withKernel(kernel), WINE);
        double[][] dual = model.dualCoefficients();
        int[] counts = model.supportCounts();
        int[] starts = {0, counts[0], counts[0] + counts[1]};
        int[] support = model.supportIndices();
        double[][] decision = model.decisionFunction(WINE.withoutTargets());
        int free = 0;
        for (int a = 0, p = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++, p++) {
                // In pair (a, b) the class-a vectors carry y α = +α (row b − 1), the class-b ones −α (row a).
                double balance = 0;
                for (int side = 0; side < 2; side++) {
                    int cls = side == 0 ? a : b;
                    double[] row = dual[side == 0 ? b - 1 : a];
                    double y = side == 0 ? 1 : -1;
                    for (int s = starts[cls]; s < starts[cls] + counts[cls]; s++) {
                        double alpha = y * row[s];
                        assertThat(alpha).as("α of support vector " + s + " in pair " + p).isBetween(0.0, c);
                        balance += row[s];
                        if (alpha > 1e-9 && alpha < c - 1e-9) {
                            // A free variable sits on its margin: y f(x) = 1, up to the stopping tolerance.
                            assertThat(y * decision[support[s]][p]).as("margin of free support vector " + s + " in pair " + p)
                                    .isCloseTo(1.0, offset(tol));
                            free++;
                        }
                    }
                }
                assertThat(balance).as("Σ y α of pair " + p).isCloseTo(0.0, offset(1e-9));
            }
        }
        assertThat(free).isPositive();
        double[][] probabilities = model.predictProba(WINE.withoutTargets());
        for (double[] row : probabilities) {
            for (double value : row) {
                assertThat(value).isBetween(0.0, 1.0);
            }
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1.0, offset(1e-12));
        }
        for (int label : model.predict(WINE.withoutTargets())) {
            assertThat(label).isBetween(0, 2);
        }
    }

    @Test
    void predictionsFollowThePairwiseVotes() {
        SvmModel model = fit(SvmParams.defaults(), WINE);
        double[][] ovo = model.decisionFunction(WINE.withoutTargets());
        double[][] ovr = model.decisionFunctionOvr(WINE.withoutTargets());
        int[] predicted = model.predict(WINE.withoutTargets());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            int[] votes = new int[3];
            votes[ovo[i][0] > 0 ? 0 : 1]++;
            votes[ovo[i][1] > 0 ? 0 : 2]++;
            votes[ovo[i][2] > 0 ? 1 : 2]++;
            int expected = votes[1] > votes[0] ? (votes[2] > votes[1] ? 2 : 1) : (votes[2] > votes[0] ? 2 : 0);
            assertThat(predicted[i]).as("row " + i).isEqualTo(expected);
            // The ovr scores are the votes plus a tie-breaker in (−1/3, 1/3).
            for (int a = 0; a < 3; a++) {
                assertThat(ovr[i][a]).isCloseTo(votes[a], offset(1.0 / 3));
            }
            correct += predicted[i] == WINE.label(i) ? 1 : 0;
        }
        // Wine's three cultivars are well separated: scikit-learn's SVC() classifies all 178 training rows correctly.
        assertThat(correct).isEqualTo(178);
    }

    @Test
    void aCacheSmallerThanTheProblemGivesTheSameModel() {
        // Breast cancer is one pair of 569 rows: 324k kernel values, more than the 262k floats of 1 MiB.
        SvmModel reference = fit(SvmParams.defaults(), BREAST_CANCER);
        for (double megabytes : new double[] {1, 0.001}) {
            SvmModel small = fit(SvmParams.defaults().withCacheSizeMb(megabytes), BREAST_CANCER);
            assertThat(small.supportIndices()).as(megabytes + " MiB").containsExactly(reference.supportIndices());
            assertThat(small.dualCoefficients()[0]).as(megabytes + " MiB").containsExactly(reference.dualCoefficients()[0]);
            assertThat(small.intercepts()).as(megabytes + " MiB").containsExactly(reference.intercepts());
            assertThat(small.iterations()).as(megabytes + " MiB").containsExactly(reference.iterations());
        }
    }

    @Test
    void theThreadBudgetDoesNotChangeTheModel() {
        Dataset digits = CsvData.read("digits");
        int before = ThreadBudget.get();
        try {
            ThreadBudget.set(1);
            ModelState serial = new Svm(SvmParams.defaults()).fit(digits, RunContext.builder(0).threads(1).build()).state();
            ThreadBudget.set(2);
            ModelState parallel = new Svm(SvmParams.defaults()).fit(digits, RunContext.builder(0).threads(2).build()).state();
            assertSameState(parallel, serial);
        } finally {
            ThreadBudget.set(before);
        }
    }

    @Test
    void theStateRestoresTheSameModel() {
        SvmParams params = SvmParams.defaults().withKernel("poly").withCoef0(0.5).withDegree(2);
        SvmModel model = fit(params, Standardiser.standardise(IRIS));
        ModelState state = model.state();
        assertThat(state.attributes()).containsEntry("kernel", "poly").containsEntry("degree", "2")
                .containsEntry("coef0", "0.5").containsEntry("gamma", Double.toString(model.gamma()))
                .containsEntry("converged", "true");
        int supportVectors = model.supportIndices().length;
        assertThat(state.shape("support-vectors")).containsExactly(supportVectors, 4);
        assertThat(state.shape("dual-coef")).containsExactly(2, supportVectors);
        assertThat(state.shape("intercept")).containsExactly(3);
        assertThat(state.shape("n-support")).containsExactly(3);

        SvmModel restored = SvmModel.restore(SvmParams.defaults(), IRIS.schema(), state);
        assertSameState(restored.state(), state);
        Dataset rows = Standardiser.standardise(IRIS).withoutTargets();
        assertThat(restored.decisionFunction(rows)).isDeepEqualTo(model.decisionFunction(rows));
        assertThat(restored.predict(rows)).containsExactly(model.predict(rows));
    }

    @Test
    void restoringAnInconsistentStateFailsClearly() {
        ModelState state = fit(SvmParams.defaults(), Standardiser.standardise(IRIS)).state();
        ModelState.Builder broken = ModelState.builder();
        state.arrays().forEach((name, array) -> {
            if (name.equals("n-support")) {
                broken.put(name, new double[] {1, 1, 1}, 3);
            } else {
                broken.add(name, array);
            }
        });
        state.attributes().forEach(broken::attribute);
        assertThatThrownBy(() -> SvmModel.restore(SvmParams.defaults(), IRIS.schema(), broken.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'support-vectors' has shape");

        ModelState.Builder badKernel = ModelState.builder();
        state.arrays().forEach(badKernel::add);
        state.attributes().forEach(badKernel::attribute);
        badKernel.attribute("kernel", "cubic");
        assertThatThrownBy(() -> SvmModel.restore(SvmParams.defaults(), IRIS.schema(), badKernel.build()))
                .hasMessage("svm: model state attribute 'kernel' is 'cubic'; expected linear, rbf, poly or sigmoid");
    }

    @Test
    void classesWithoutRowsGetNoVotesAndProbabilityZero() {
        // Only versicolor (1) and virginica (2) rows: a binary problem inside a three-class schema.
        Dataset twoClasses = Standardiser.standardise(IRIS.view(IntStream.range(50, 150).toArray()));
        SvmModel model = fit(SvmParams.defaults(), twoClasses);
        assertThat(model.classes()).containsExactly(1, 2);
        double[][] decision = model.decisionFunction(twoClasses.withoutTargets());
        double[][] probabilities = model.predictProba(twoClasses.withoutTargets());
        int[] predicted = model.predict(twoClasses.withoutTargets());
        for (int i = 0; i < predicted.length; i++) {
            assertThat(predicted[i]).isEqualTo(decision[i][0] >= 0 ? 2 : 1);
            assertThat(probabilities[i][0]).isZero();
            assertThat(probabilities[i][2]).isCloseTo(1 / (1 + Math.exp(-decision[i][0])), offset(1e-15));
            assertThat(probabilities[i][1] + probabilities[i][2]).isCloseTo(1.0, offset(1e-15));
        }
    }

    @Test
    void aConstantFeatureIsAcceptedAndChangesNothingWithAFixedGamma() {
        // A constant column adds the same value to every squared norm and dot product, so no rbf
        // kernel value changes (scikit-learn accepts such columns too).
        Dataset iris = Standardiser.standardise(IRIS);
        double[] x = new double[iris.rows() * 5];
        for (int i = 0; i < iris.rows(); i++) {
            for (int f = 0; f < 4; f++) {
                x[i * 5 + f] = iris.feature(i, f);
            }
            x[i * 5 + 4] = 5.0;
        }
        List<String> names = new ArrayList<>(iris.schema().featureNames());
        names.add("constant");
        Dataset withConstant = iris.withFeatures(x, names);
        SvmParams params = SvmParams.defaults().withGamma("0.25");
        SvmModel plain = fit(params, iris);
        SvmModel padded = fit(params, withConstant);
        assertThat(padded.supportIndices()).containsExactly(plain.supportIndices());
        double[][] expected = plain.decisionFunction(iris.withoutTargets());
        double[][] actual = padded.decisionFunction(withConstant.withoutTargets());
        for (int i = 0; i < expected.length; i++) {
            for (int p = 0; p < 3; p++) {
                assertThat(actual[i][p]).as("row " + i + ", pair " + p).isCloseTo(expected[i][p], offset(1e-6));
            }
        }
    }

    @Test
    void maxIterStopsEverySolverEarly() {
        SvmModel model = fit(SvmParams.defaults().withMaxIter(3), WINE);
        assertThat(model.iterations()).containsExactly(3, 3, 3);
        assertThat(model.converged()).isFalse();
        assertThat(fit(SvmParams.defaults(), WINE).converged()).isTrue();
        assertThat(model.predict(WINE.withoutTargets())).hasSize(WINE.rows());
    }

    @Test
    void eachPairIsRecordedInTheHistoryAndReported() {
        List<Map<String, Double>> rows = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        RunContext context = RunContext.builder(0).threads(1)
                .history((scope, step, values) -> rows.add(new LinkedHashMap<>(values)))
                .progress((task, done, total, message) -> progress.add(done))
                .build();
        SvmModel model = new Svm(SvmParams.defaults()).fit(WINE, context);
        assertThat(rows).hasSize(3);
        for (int p = 0; p < 3; p++) {
            assertThat(rows.get(p).get("iterations")).isEqualTo((double) model.iterations()[p]);
            assertThat(rows.get(p).get("objective")).isNegative();
        }
        assertThat(progress).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aCancelledRunStops() {
        RunContext context = RunContext.withSeed(0);
        context.cancel();
        assertThatThrownBy(() -> new Svm(SvmParams.defaults()).fit(WINE, context)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aRunCancelledDuringTheFitStopsBeforeTheNextPair() {
        List<Long> solved = new ArrayList<>();
        RunContext[] holder = new RunContext[1];
        holder[0] = RunContext.builder(0).threads(1).progress((task, done, total, message) -> {
            solved.add(done);
            holder[0].cancel();
        }).build();
        assertThatThrownBy(() -> new Svm(SvmParams.defaults()).fit(WINE, holder[0])).isInstanceOf(CancellationException.class);
        assertThat(solved).containsExactly(1L);
    }

    @Test
    void aSingleClassIsRejectedNamingIt() {
        Dataset setosa = IRIS.view(IntStream.range(0, 50).toArray());
        assertThatThrownBy(() -> fit(SvmParams.defaults(), setosa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("svm needs rows of at least 2 classes to fit, but all 50 rows are class 'setosa'");
    }

    @Test
    void badDataIsRejectedSayingWhere() {
        double[][] x = {{1, 2}, {3, Double.NaN}, {5, 6}};
        Schema schema = new Schema(List.of("a", "b"), "y", List.of("no", "yes"));
        Dataset withNaN = Dataset.of(x, new double[] {0, 1, 0}, schema);
        assertThatThrownBy(() -> fit(SvmParams.defaults(), withNaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("svm: feature 'b' of row 1 is NaN; the features must be finite numbers");

        Dataset empty = Dataset.of(new double[0][], new double[0], schema);
        assertThatThrownBy(() -> fit(SvmParams.defaults(), empty)).hasMessage("svm needs at least one row to fit, got none");

        Dataset unlabelled = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> fit(SvmParams.defaults(), unlabelled))
                .hasMessage("svm needs class targets to fit, but the data has no target");

        SvmModel model = fit(SvmParams.defaults(), Standardiser.standardise(IRIS));
        Dataset otherColumns = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> model.predict(otherColumns)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("prediction data does not match the model: column 1 is 'a' but the model was trained "
                        + "with 'sepal_length'");
    }

    @Test
    void badParamsAreRejectedByName() {
        SvmParams d = SvmParams.defaults();
        assertThatThrownBy(() -> d.withGamma("abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gamma must be scale, auto or a finite number >= 0, got 'abc'");
        assertThatThrownBy(() -> d.withGamma("-0.5"))
                .hasMessage("gamma must be scale, auto or a finite number >= 0, got '-0.5'");
        assertThatThrownBy(() -> d.withGamma("NaN")).hasMessageStartingWith("gamma must be");
        assertThatThrownBy(() -> d.withGamma(null)).hasMessageStartingWith("gamma must be");
        assertThatThrownBy(() -> d.withKernel("cubic"))
                .hasMessage("kernel must be one of linear, rbf, poly, sigmoid, got 'cubic'");
        assertThatThrownBy(() -> d.withC(0)).hasMessage("c must be > 0, got 0");
        assertThatThrownBy(() -> d.withDegree(-1)).hasMessage("degree must be >= 0, got -1");
        assertThatThrownBy(() -> d.withTol(0)).hasMessage("tol must be > 0, got 0");
        assertThatThrownBy(() -> d.withMaxIter(-1)).hasMessage("max-iter must be >= 0, got -1");
        assertThatThrownBy(() -> d.withCacheSizeMb(0)).hasMessage("cache-size-mb must be > 0, got 0");
        assertThatThrownBy(() -> d.withCoef0(Double.NaN)).hasMessage("coef0 must be a finite number, got NaN");
        assertThat(d.withGamma("0.5").gamma()).isEqualTo("0.5");
    }

    @Test
    void gammaFollowsScikitLearnsRules() {
        // scale: 1 / (features × variance of all values); auto: 1 / features; a number: itself.
        double[] x = {0, 1, 2, 3, 4, 5};
        assertThat(SvmParams.defaults().gammaValue(x, 2)).isCloseTo(1 / (2 * 35.0 / 12), offset(1e-15));
        assertThat(SvmParams.defaults().withGamma("auto").gammaValue(x, 2)).isEqualTo(0.5);
        assertThat(SvmParams.defaults().withGamma("0.125").gammaValue(x, 2)).isEqualTo(0.125);
        // Constant data has no variance; scikit-learn falls back to 1.
        assertThat(SvmParams.defaults().gammaValue(new double[] {3, 3, 3}, 1)).isEqualTo(1.0);
    }

    private static void assertSameState(ModelState actual, ModelState expected) {
        assertThat(actual.attributes()).isEqualTo(expected.attributes());
        assertThat(actual.arrays().keySet()).containsExactlyElementsOf(expected.arrays().keySet());
        expected.arrays().forEach((name, array) -> {
            assertThat(actual.shape(name)).as(name).containsExactly(array.shape());
            assertThat(actual.doubles(name)).as(name).containsExactly(array.doubles());
        });
    }
}
