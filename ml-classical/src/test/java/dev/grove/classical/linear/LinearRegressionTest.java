package dev.grove.classical.linear;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.RegressionCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ordinary least squares against scikit-learn 1.2.1 and NumPy 1.24.2 (printed by
 * src/test/reference/linear_pca_ref.py) on the unscaled diabetes data.
 */
class LinearRegressionTest {

    private static final Dataset DIABETES = RegressionCsv.read("diabetes");
    private static final RunContext CONTEXT = RunContext.withSeed(0);

    /** ../shared/reference/sklearn-quality.json "diabetes/linreg/coef", "intercept", "r2-train": rounded to 6 decimals. */
    private static final double[] COEF_ROUNDED = {
        -0.036361, -22.859648, 5.602962, 1.116808, -1.089996, 0.74645, 0.372005, 6.533832, 68.483125, 0.280117};
    private static final double INTERCEPT_ROUNDED = -334.567139;
    private static final double R2_ROUNDED = 0.517748;
    /** LinearRegression().fit(diabetes): coef_, intercept_, score, at full precision. */
    private static final double[] COEF = {
        -3.6361224223623534e-02, -2.2859648090498350e+01, 5.6029620919237022e+00, 1.1168079933181856e+00,
        -1.0899963340632226e+00, 7.4645045551420885e-01, 3.7200471508913791e-01, 6.5338319359903494e+00,
        6.8483124964788274e+01, 2.8011698932149720e-01};
    private static final double INTERCEPT = -334.5671385187868;
    private static final double R2 = 0.5177484222203499;
    /** LinearRegression(fit_intercept=False).fit(diabetes).coef_. */
    private static final double[] COEF_NO_INTERCEPT = {
        2.2296429852856507e-02, -2.6072788584495818e+01, 5.3537259175668659e+00, 1.0177970496721453e+00,
        1.2635859063792800e+00, -1.2849362113535143e+00, -3.0682781661189384e+00, -5.5080416768934803e+00,
        5.5033814628575533e+00, 1.2338517956510131e-01};
    /**
     * numpy.linalg.lstsq(centred diabetes with bmi duplicated as an 11th column, centred y, rcond=None):
     * the minimum-norm solution splits bmi's weight evenly between the two copies. Rank 10; intercept
     * -334.5671385187892. scikit-learn's LinearRegression gives the same numbers.
     */
    private static final double[] COEF_DUPLICATED_BMI = {
        -3.6361224223628953e-02, -2.2859648090498254e+01, 2.8014810459617996e+00, 1.1168079933181954e+00,
        -1.0899963340632368e+00, 7.4645045551422839e-01, 3.7200471508915967e-01, 6.5338319359903645e+00,
        6.8483124964788246e+01, 2.8011698932150519e-01, 2.8014810459619133e+00};
    private static final double INTERCEPT_DUPLICATED_BMI = -334.5671385187892;

    private static LinearModel fit(Dataset data) {
        return new LinearRegression(LinearRegressionParams.defaults()).fit(data, CONTEXT);
    }

    @Test
    void diabetesCoefficientsAndInterceptEqualScikitLearns() {
        LinearModel model = fit(DIABETES);
        double[] coef = model.coefficients();
        // The published figures are rounded to 6 decimals: they can be off by 5e-7 in absolute terms.
        for (int j = 0; j < coef.length; j++) {
            assertThat(coef[j]).as("coef[%d] vs sklearn-quality.json", j).isCloseTo(COEF_ROUNDED[j], offset(5.000001e-7));
        }
        assertThat(model.intercept()).isCloseTo(INTERCEPT_ROUNDED, offset(5.000001e-7));
        assertThat(r2(model, DIABETES)).isCloseTo(R2_ROUNDED, offset(5.000001e-7));

        for (int j = 0; j < coef.length; j++) {
            assertThat(coef[j]).as("coef[%d] full precision", j).isCloseTo(COEF[j], offset(1e-6 * Math.abs(COEF[j])));
        }
        assertThat(model.intercept()).isCloseTo(INTERCEPT, offset(1e-6 * Math.abs(INTERCEPT)));
        assertClose("coef, to rounding", coef, COEF, 1e-10);
        assertThat(model.intercept()).isCloseTo(INTERCEPT, offset(1e-10 * Math.abs(INTERCEPT)));
        assertThat(r2(model, DIABETES)).isCloseTo(R2, offset(1e-12));
        assertThat(model.rank()).hasValue(10);
        assertThat(model.converged()).isTrue();
        assertThat(model.nIter()).isEmpty();
    }

    @Test
    void withoutAnInterceptTheLineGoesThroughTheOrigin() {
        LinearModel model = new LinearRegression(new LinearRegressionParams(false)).fit(DIABETES, CONTEXT);
        assertClose("coef", model.coefficients(), COEF_NO_INTERCEPT, 1e-9);
        assertThat(model.intercept()).isZero();
    }

    @Test
    void aDuplicatedColumnGivesTheMinimumNormLeastSquaresSolution() {
        LinearModel model = fit(withColumnCopied(DIABETES, 2, "bmi-copy"));
        assertThat(Arrays.stream(model.coefficients()).allMatch(Double::isFinite)).isTrue();
        assertClose("coef", model.coefficients(), COEF_DUPLICATED_BMI, 1e-8);
        assertThat(model.intercept()).isCloseTo(INTERCEPT_DUPLICATED_BMI, offset(1e-8 * 334.6));
        assertThat(model.rank()).hasValue(10);
        // The fitted values are those of the full-rank fit: the copy adds nothing.
        double[] expected = fit(DIABETES).predict(DIABETES);
        assertClose("predictions", model.predict(withColumnCopied(DIABETES, 2, "bmi-copy")), expected, 1e-9);
    }

    @Test
    void moreFeaturesThanRowsInterpolatesWithTheMinimumNormSolution() {
        // Two rows, three features, no intercept: w = Xᵀ(XXᵀ)⁻¹y. With X = [[1,0,0],[0,1,1]], y = [2, 4]
        // that is w = (2, 2, 2): the second row's 4 is shared evenly by its two equal features.
        Dataset wide = Dataset.of(new double[][] {{1, 0, 0}, {0, 1, 1}}, new double[] {2, 4},
                new Schema(List.of("a", "b", "c"), "y", List.of()));
        LinearModel model = new LinearRegression(new LinearRegressionParams(false)).fit(wide, CONTEXT);
        assertClose("coef", model.coefficients(), new double[] {2, 2, 2}, 1e-12);
        assertThat(model.rank()).hasValue(2);
    }

    @Test
    void aConstantFeatureGetsWeightZero() {
        double[][] x = new double[20][2];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i][0] = i;
            x[i][1] = 7;
            y[i] = 3 * i - 5;
        }
        LinearModel model = fit(Dataset.of(x, y, new Schema(List.of("t", "seven"), "y", List.of())));
        assertClose("coef", model.coefficients(), new double[] {3, 0}, 1e-12);
        assertThat(model.intercept()).isCloseTo(-5, offset(1e-11));
    }

    @Test
    void stateRoundTripRebuildsAnEqualModel() {
        LinearModel model = fit(DIABETES);
        ModelState state = model.state();
        assertThat(state.arrays()).containsOnlyKeys("coef", "intercept");
        assertThat(state.shape("intercept")).isEmpty();
        assertThat(state.attributes()).containsOnlyKeys("rank");
        LinearModel restored = LinearModel.restore(LinearRegressionParams.defaults(), DIABETES.schema(), state);
        assertThat(restored.predict(DIABETES)).containsExactly(model.predict(DIABETES));
        assertThat(restored.rank()).hasValue(10);

        ModelState vectorIntercept = ModelState.builder().put("coef", model.coefficients())
                .put("intercept", new double[] {1.0}).attribute("rank", "10").build();
        assertThatThrownBy(() -> LinearModel.restore(LinearRegressionParams.defaults(), DIABETES.schema(), vectorIntercept))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear-regression: model state array 'intercept' has shape [1], expected a scalar (shape [])");
    }

    @Test
    void badInputIsRejectedSayingWhatAndWhere() {
        LinearRegression estimator = new LinearRegression(LinearRegressionParams.defaults());
        Dataset iris = CsvData.read("iris");
        assertThatThrownBy(() -> estimator.fit(iris, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("linear-regression needs a numeric target, but 'species' holds class labels"
                        + " [setosa, versicolor, virginica]; use a classifier");
        assertThatThrownBy(() -> estimator.fit(DIABETES.withoutTargets(), CONTEXT))
                .hasMessage("linear-regression needs a numeric target to fit, but the data has none");
        assertThatThrownBy(() -> estimator.fit(DIABETES.view(new int[0]), CONTEXT))
                .hasMessage("linear-regression needs at least one row to fit, got none");

        Schema schema = new Schema(List.of("a", "b"), "y", List.of());
        Dataset infinite = Dataset.of(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 3}}, new double[] {1, 2}, schema);
        assertThatThrownBy(() -> estimator.fit(infinite, CONTEXT))
                .hasMessage("linear-regression: feature 'a' of row 1 is Infinity; the features must be finite numbers");
        Dataset nanTarget = Dataset.of(new double[][] {{1, 2}, {2, 3}}, new double[] {1, Double.NaN}, schema);
        assertThatThrownBy(() -> estimator.fit(nanTarget, CONTEXT))
                .hasMessage("linear-regression: target 'y' of row 1 is NaN; the targets must be finite numbers");

        LinearModel model = fit(DIABETES);
        Dataset fewer = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("age", "sex")));
        assertThatThrownBy(() -> model.predict(fewer))
                .hasMessageContaining("column 3 is '(none)' but the model was trained with 'bmi'");
    }

    static double r2(LinearModel model, Dataset data) {
        double[] predicted = model.predict(data);
        double[] y = data.targets();
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return 1 - residual / total;
    }

    static Dataset withColumnCopied(Dataset data, int column, String name) {
        int features = data.featureCount();
        double[][] x = new double[data.rows()][features + 1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = data.feature(i, j);
            }
            x[i][features] = data.feature(i, column);
        }
        List<String> names = new ArrayList<>(data.schema().featureNames());
        names.add(name);
        return Dataset.of(x, data.targets(), new Schema(names, data.schema().targetName(), List.of()));
    }
}
