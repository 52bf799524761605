package dev.grove.classical.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The perceptron: separates what is separable, and is honest about what it is not. */
class PerceptronTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final RunContext CONTEXT = RunContext.withSeed(0);

    @Test
    void separatesALinearlySeparableSetAndStops() {
        // Points on either side of the line x + 2y = 1, at least 0.05 away from it.
        SplittableRandom random = new SplittableRandom(3);
        int rows = 400;
        double[][] x = new double[rows][2];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double margin;
            do {
                x[i][0] = random.nextDouble(-3, 3);
                x[i][1] = random.nextDouble(-3, 3);
                margin = (x[i][0] + 2 * x[i][1] - 1) / Math.sqrt(5);
            } while (Math.abs(margin) < 0.05);
            y[i] = margin > 0 ? 1 : 0;
        }
        Dataset data = Dataset.of(x, y, new Schema(List.of("x", "y"), "side", List.of("below", "above")));
        PerceptronModel model = new Perceptron(PerceptronParams.defaults()).fit(data, CONTEXT);
        assertThat(model.converged()).isTrue();
        assertThat(model.nIter()).isLessThan(1000);
        assertThat(model.predict(data)).containsExactly(data.labels());
        // The learned line points the same way as the true one: w ∝ (1, 2) roughly.
        double[] w = model.coefficients()[0];
        assertThat(w[0]).isPositive();
        assertThat(w[1]).isGreaterThan(w[0]);
    }

    @Test
    void setosaAgainstTheRestIsLearnedAndGeneralises() {
        Dataset setosaVsRest = setosaVsRest();
        // Train on rows 0, 2, 4, …; test on the others (each half has 25 setosa and 50 others).
        int[] train = new int[75];
        int[] test = new int[75];
        for (int i = 0; i < 75; i++) {
            train[i] = 2 * i;
            test[i] = 2 * i + 1;
        }
        PerceptronModel model = new Perceptron(PerceptronParams.defaults()).fit(setosaVsRest.view(train), CONTEXT);
        assertThat(model.converged()).as("setosa is linearly separable from the rest").isTrue();
        assertThat(accuracy(model.predict(setosaVsRest.view(train)), setosaVsRest.view(train).labels())).isEqualTo(1.0);
        assertThat(accuracy(model.predict(setosaVsRest.view(test)), setosaVsRest.view(test).labels())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void threeClassesUseOneNeuronPerClass() {
        PerceptronModel model = new Perceptron(PerceptronParams.defaults().withMaxIter(200)).fit(IRIS, CONTEXT);
        assertThat(model.coefficients()).hasNumberOfRows(3);
        assertThat(model.intercepts()).hasSize(3);
        // Versicolor is not linearly separable from the other two, so the rule never stops making mistakes.
        assertThat(model.converged()).isFalse();
        assertThat(model.nIter()).isEqualTo(200);
        // Setosa's own neuron separates it: every setosa row and no other fires it.
        double[][] activations = model.decisionFunction(IRIS);
        for (int i = 0; i < IRIS.rows(); i++) {
            assertThat(activations[i][0] > 0).as("row %d fires setosa", i).isEqualTo(IRIS.label(i) == 0);
        }
    }

    @Test
    void predictProbaIsTheOneHotPrediction() {
        PerceptronModel model = new Perceptron(PerceptronParams.defaults().withMaxIter(50)).fit(IRIS, CONTEXT);
        int[] predicted = model.predict(IRIS);
        double[][] proba = model.predictProba(IRIS);
        for (int i = 0; i < proba.length; i++) {
            double[] expected = new double[3];
            expected[predicted[i]] = 1;
            assertThat(proba[i]).containsExactly(expected);
        }
    }

    @Test
    void etaOnlyScalesTheWeights() {
        Dataset data = setosaVsRest();
        PerceptronModel one = new Perceptron(PerceptronParams.defaults()).fit(data, CONTEXT);
        PerceptronModel quarter = new Perceptron(PerceptronParams.defaults().withEta(0.25)).fit(data, CONTEXT);
        assertThat(quarter.nIter()).isEqualTo(one.nIter());
        assertThat(quarter.predict(IRIS)).containsExactly(one.predict(IRIS));
        for (int j = 0; j < 4; j++) {
            assertThat(quarter.coefficients()[0][j]).isEqualTo(one.coefficients()[0][j] * 0.25);
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        PerceptronModel a = new Perceptron(PerceptronParams.defaults().withMaxIter(30)).fit(IRIS, RunContext.withSeed(5));
        PerceptronModel b = new Perceptron(PerceptronParams.defaults().withMaxIter(30)).fit(IRIS, RunContext.withSeed(5));
        assertThat(b.coefficients()).isDeepEqualTo(a.coefficients());
        assertThat(b.intercepts()).containsExactly(a.intercepts());
    }

    @Test
    void stateRoundTripRebuildsAnEqualModel() {
        PerceptronModel model = new Perceptron(PerceptronParams.defaults().withMaxIter(20)).fit(IRIS, CONTEXT);
        ModelState state = model.state();
        assertThat(state.shape("coef")).containsExactly(3, 4);
        assertThat(state.attributes()).containsOnlyKeys("n-iter", "converged");
        PerceptronModel restored = PerceptronModel.restore(PerceptronParams.defaults(), IRIS.schema(), state);
        assertThat(restored.decisionFunction(IRIS)).isDeepEqualTo(model.decisionFunction(IRIS));
        assertThat(restored.nIter()).isEqualTo(20);

        ModelState binaryShape = ModelState.builder().put("coef", new double[4], 1, 4).put("intercept", new double[1])
                .attribute("n-iter", "3").attribute("converged", "true").build();
        assertThatThrownBy(() -> PerceptronModel.restore(PerceptronParams.defaults(), IRIS.schema(), binaryShape))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model state: array 'coef' has shape [1, 4], expected [3, 4]");
    }

    @Test
    void badInputAndParamsAreRejectedSayingWhat() {
        Perceptron perceptron = new Perceptron(PerceptronParams.defaults());
        Dataset setosaOnly = IRIS.view(new int[] {0, 1, 2});
        assertThatThrownBy(() -> perceptron.fit(setosaOnly, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perceptron needs rows of at least 2 classes to fit, but all 3 rows are class 'setosa'");
        assertThatThrownBy(() -> perceptron.fit(IRIS.view(new int[0]), CONTEXT))
                .hasMessage("perceptron needs at least one row to fit, got none");
        Dataset nan = Dataset.of(new double[][] {{1, Double.NaN}, {2, 3}}, new double[] {0, 1},
                new Schema(List.of("a", "b"), "c", List.of("no", "yes")));
        assertThatThrownBy(() -> perceptron.fit(nan, CONTEXT))
                .hasMessage("perceptron: feature 'b' of row 0 is NaN; the features must be finite numbers");
        PerceptronModel model = perceptron.fit(setosaVsRest(), CONTEXT);
        Dataset twoColumns = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("sepal_length", "sepal_width")));
        assertThatThrownBy(() -> model.predict(twoColumns))
                .hasMessageContaining("column 3 is '(none)' but the model was trained with 'petal_length'");

        assertThatThrownBy(() -> PerceptronParams.defaults().withEta(0)).hasMessage("eta must be > 0, got 0");
        assertThatThrownBy(() -> PerceptronParams.defaults().withMaxIter(0)).hasMessage("max-iter must be >= 1, got 0");
    }

    private static Dataset setosaVsRest() {
        double[] y = new double[IRIS.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = IRIS.label(i) == 0 ? 1 : 0;
        }
        return Dataset.ofFlat(IRIS.featureMatrix(), y, new Schema(IRIS.schema().featureNames(), "setosa",
                List.of("other", "setosa")));
    }

    private static double accuracy(int[] predicted, int[] actual) {
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            right += predicted[i] == actual[i] ? 1 : 0;
        }
        return (double) right / actual.length;
    }
}
