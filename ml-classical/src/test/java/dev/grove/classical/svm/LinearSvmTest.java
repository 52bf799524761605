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
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What {@code linear-svm} promises beyond matching scikit-learn: predictions and scores that follow
 * the margins, the optimality conditions of the hinge-loss dual, reproducibility for a seed and any
 * thread budget, the saved state, and clear errors for bad input.
 */
class LinearSvmTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset WINE = Standardiser.standardise(CsvData.read("wine"));
    private static final Dataset BREAST_CANCER = Standardiser.standardise(CsvData.read("breast_cancer"));

    private static LinearSvmModel fit(LinearSvmParams params, Dataset data) {
        return new LinearSvm(params).fit(data, RunContext.withSeed(0));
    }

    @Test
    void predictionsAndScoresFollowTheMargins() {
        LinearSvmModel model = fit(LinearSvmParams.defaults(), WINE);
        double[][] coefficients = model.coefficients();
        double[][] margins = model.decisionFunction(WINE.withoutTargets());
        double[][] probabilities = model.predictProba(WINE.withoutTargets());
        int[] predicted = model.predict(WINE.withoutTargets());
        for (int i = 0; i < WINE.rows(); i++) {
            int best = 0;
            double sumOfExponentials = 0;
            for (int r = 0; r < 3; r++) {
                double margin = model.intercepts()[r];
                for (int f = 0; f < WINE.featureCount(); f++) {
                    margin += coefficients[r][f] * WINE.feature(i, f);
                }
                assertThat(margins[i][r]).isCloseTo(margin, offset(1e-12));
                best = margin > margins[i][best] ? r : best;
                sumOfExponentials += Math.exp(margin);
            }
            assertThat(predicted[i]).isEqualTo(best);
            for (int r = 0; r < 3; r++) {
                assertThat(probabilities[i][r]).isCloseTo(Math.exp(margins[i][r]) / sumOfExponentials, offset(1e-12));
            }
        }
    }

    @Test
    void hingeLossWeightsMinimiseThePrimalObjective() {
        // The primal ½(‖w‖² + b²) + c Σ max(0, 1 − y (w·x + b)) is convex, so at its minimum no small
        // step along any row's direction (x_i, 1) lowers it; computed here directly from the data.
        double c = 0.1;
        LinearSvmModel model = fit(LinearSvmParams.defaults().withC(c).withTol(1e-8).withMaxIter(100_000), BREAST_CANCER);
        double[] w = model.coefficients()[0];
        double b = model.intercepts()[0];
        double objective = objective(w, b, c);
        double[] direction = new double[w.length + 1];
        for (int i = 0; i < BREAST_CANCER.rows(); i++) {
            for (int f = 0; f < w.length; f++) {
                direction[f] = BREAST_CANCER.feature(i, f);
            }
            direction[w.length] = 1;
            for (double step : new double[] {1e-3, -1e-3}) {
                double[] moved = w.clone();
                for (int f = 0; f < w.length; f++) {
                    moved[f] += step * direction[f];
                }
                assertThat(objective(moved, b + step, c)).as("row " + i + ", step " + step)
                        .isGreaterThanOrEqualTo(objective - 1e-9);
            }
        }
    }

    private static double objective(double[] w, double b, double c) {
        double value = 0.5 * b * b;
        for (double v : w) {
            value += 0.5 * v * v;
        }
        for (int i = 0; i < BREAST_CANCER.rows(); i++) {
            double margin = b;
            for (int f = 0; f < w.length; f++) {
                margin += w[f] * BREAST_CANCER.feature(i, f);
            }
            double y = BREAST_CANCER.label(i) == 1 ? 1 : -1;
            value += c * Math.max(0, 1 - y * margin);
        }
        return value;
    }

    @Test
    void twoClassesGiveOneWeightRowPositiveForTheSecond() {
        LinearSvmModel model = fit(LinearSvmParams.defaults(), BREAST_CANCER);
        double[][] margins = model.decisionFunction(BREAST_CANCER.withoutTargets());
        double[][] probabilities = model.predictProba(BREAST_CANCER.withoutTargets());
        int[] predicted = model.predict(BREAST_CANCER.withoutTargets());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            assertThat(margins[i]).hasSize(1);
            assertThat(predicted[i]).isEqualTo(margins[i][0] > 0 ? 1 : 0);
            assertThat(probabilities[i][1]).isCloseTo(1 / (1 + Math.exp(-margins[i][0])), offset(1e-15));
            correct += predicted[i] == BREAST_CANCER.label(i) ? 1 : 0;
        }
        // A linear boundary separates the standardised breast cancer rows all but perfectly (LinearSVC: 562 of 569).
        assertThat(correct).isGreaterThanOrEqualTo(555);
    }

    @Test
    void aSeedGivesOneModelForAnyThreadBudget() {
        int before = ThreadBudget.get();
        try {
            ThreadBudget.set(1);
            ModelState serial = new LinearSvm(LinearSvmParams.defaults()).fit(WINE, RunContext.builder(7).threads(1).build())
                    .state();
            ThreadBudget.set(2);
            ModelState parallel = new LinearSvm(LinearSvmParams.defaults()).fit(WINE, RunContext.builder(7).threads(2).build())
                    .state();
            assertThat(parallel.doubles("coef")).containsExactly(serial.doubles("coef"));
            assertThat(parallel.doubles("intercept")).containsExactly(serial.doubles("intercept"));
            assertThat(parallel.attributes()).isEqualTo(serial.attributes());
        } finally {
            ThreadBudget.set(before);
        }
    }

    @Test
    void theStateRestoresTheSameModel() {
        LinearSvmModel model = fit(LinearSvmParams.defaults().withLoss("squared-hinge"), WINE);
        ModelState state = model.state();
        assertThat(state.shape("coef")).containsExactly(3, 13);
        LinearSvmModel restored = LinearSvmModel.restore(LinearSvmParams.defaults(), WINE.schema(), state);
        Dataset rows = WINE.withoutTargets();
        assertThat(restored.decisionFunction(rows)).isDeepEqualTo(model.decisionFunction(rows));
        assertThat(restored.nIter()).isEqualTo(model.nIter());
        assertThat(restored.converged()).isEqualTo(model.converged());

        ModelState.Builder broken = ModelState.builder();
        state.arrays().forEach((name, array) -> {
            if (name.equals("classes")) {
                broken.put(name, new double[] {0, 2, 1}, 3);
            } else {
                broken.add(name, array);
            }
        });
        state.attributes().forEach(broken::attribute);
        assertThatThrownBy(() -> LinearSvmModel.restore(LinearSvmParams.defaults(), WINE.schema(), broken.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear-svm: model state array 'classes' holds 1.0 at index 2; "
                        + "expected increasing class indices in [0, 3)");
    }

    @Test
    void tooFewPassesAreReportedAsNotConverged() {
        LinearSvmModel model = fit(LinearSvmParams.defaults().withMaxIter(1), WINE);
        assertThat(model.converged()).isFalse();
        assertThat(model.nIter()).isEqualTo(1);
        assertThat(fit(LinearSvmParams.defaults(), WINE).converged()).isTrue();
    }

    @Test
    void classesWithoutRowsGetProbabilityZero() {
        Dataset twoClasses = Standardiser.standardise(IRIS.view(IntStream.range(50, 150).toArray()));
        LinearSvmModel model = fit(LinearSvmParams.defaults(), twoClasses);
        assertThat(model.classes()).containsExactly(1, 2);
        for (double[] row : model.predictProba(twoClasses.withoutTargets())) {
            assertThat(row[0]).isZero();
            assertThat(row[1] + row[2]).isCloseTo(1.0, offset(1e-15));
        }
    }

    @Test
    void aCancelledRunStops() {
        RunContext context = RunContext.withSeed(0);
        context.cancel();
        assertThatThrownBy(() -> new LinearSvm(LinearSvmParams.defaults()).fit(WINE, context))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void badInputIsRejectedSayingWhat() {
        Dataset setosa = IRIS.view(IntStream.range(0, 50).toArray());
        assertThatThrownBy(() -> fit(LinearSvmParams.defaults(), setosa)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear-svm needs rows of at least 2 classes to fit, but all 50 rows are class 'setosa'");
        Schema schema = new Schema(List.of("a", "b"), "y", List.of("no", "yes"));
        Dataset withInfinity = Dataset.of(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}, new double[] {0, 1}, schema);
        assertThatThrownBy(() -> fit(LinearSvmParams.defaults(), withInfinity))
                .hasMessage("linear-svm: feature 'a' of row 1 is Infinity; the features must be finite numbers");
        LinearSvmModel model = fit(LinearSvmParams.defaults(), WINE);
        Dataset otherColumns = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> model.predict(otherColumns)).hasMessageStartingWith("prediction data does not match the model");
    }

    @Test
    void badParamsAreRejectedByName() {
        LinearSvmParams d = LinearSvmParams.defaults();
        assertThatThrownBy(() -> d.withLoss("log")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loss must be one of hinge, squared-hinge, got 'log'");
        assertThatThrownBy(() -> d.withC(-1)).hasMessage("c must be > 0, got -1");
        assertThatThrownBy(() -> d.withTol(0)).hasMessage("tol must be > 0, got 0");
        assertThatThrownBy(() -> d.withMaxIter(0)).hasMessage("max-iter must be >= 1, got 0");
    }
}
