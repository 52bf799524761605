package dev.grove.classical.linear;

import static dev.grove.classical.testing.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.HistorySink;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.RegressionCsv;
import dev.grove.classical.testing.Standardiser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ridge, lasso and elastic net against scikit-learn 1.2.1 (printed by
 * src/test/reference/linear_pca_ref.py) on diabetes with standardised features and the raw target.
 *
 * <p>Ridge is a closed form: compared at 1e-6 relative (it agrees to about 1e-12). Coordinate
 * descent stops at scikit-learn's duality-gap tolerance, so its result is only near the optimum;
 * being the same algorithm, with the same order of updates and the same stopping rule, ours should
 * stop at the same pass with the same weights: compared at 1e-5 relative, and the pass count exactly.
 */
class PenalisedRegressionTest {

    private static final Dataset DIABETES = Standardiser.standardise(RegressionCsv.read("diabetes"));
    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final double INTERCEPT = 152.13348416289597;

    /** Ridge(alpha).fit(standardised diabetes).coef_ for alpha 0.1, 1, 10; intercept_ is mean(y) = 152.133484162896. */
    private static final double[][] RIDGE_COEF = {
        {-0.4708137967580379, -11.398632924900653, 24.733060634520196, 15.423014730758448, -36.74499527476674,
            21.93428584755135, 4.393211053356095, 8.309679655987509, 35.37981171541525, 3.2222998972110237},
        {-0.4311726582249156, -11.333654931877579, 24.77124180947335, 15.373472852971991, -30.08840059259457,
            16.653152303353394, 1.462107011104913, 7.5211109291232106, 32.84375085651538, 3.266384869371553},
        {-0.2579490012114584, -10.936356673897683, 24.60009446481721, 15.094382577753896, -11.2956182694835,
            1.8087677641153483, -6.5618051549811875, 5.600400298780845, 25.332096092046456, 3.5229121177934983},
    };
    private static final double[] RIDGE_ALPHAS = {0.1, 1.0, 10.0};

    /** Lasso(alpha).fit(standardised diabetes): coef_ and n_iter_ for alpha 0.1, 1, 10. */
    private static final double[][] LASSO_COEF = {
        {-0.27769342429668753, -11.159487970709526, 24.85518377878634, 15.242132797693404, -26.44813963705592,
            13.725663288131974, -0.0, 7.055574474825881, 31.57506170513405, 3.1584765012349583},
        {-0.0, -9.3194125303565, 24.831276305943252, 14.08870568389941, -4.8389280798647905, -0.0,
            -10.62279918883993, 0.0, 24.42081057431234, 2.562129866913914},
        {0.0, -0.0, 22.600374838661438, 6.801236534108086, -0.0, -0.0, -3.088039383131304, 0.0, 19.585932424706243, 0.0},
    };
    private static final double[] LASSO_ALPHAS = {0.1, 1.0, 10.0};
    private static final int[] LASSO_N_ITER = {259, 21, 9};

    /** ElasticNet(alpha, l1_ratio).fit(standardised diabetes): coef_ and n_iter_ for (0.1, 0.5), (1, 0.5), (0.5, 0.9). */
    private static final double[][] ELASTIC_NET_COEF = {
        {-0.0644353495970052, -10.441567236638685, 24.131513090220935, 14.752233264923865, -6.394369255959681,
            -1.734263487150684, -8.410102246336447, 5.203797467996475, 22.94132762404465, 3.7244332371568163},
        {0.6379344614698359, -5.691956449235803, 18.097274692437257, 11.405476246666865, -0.2413230999041382,
            -2.366477445295144, -8.221549783492218, 5.297292791561981, 15.448372249899245, 5.057434527942963},
        {-0.0, -9.727343581464917, 24.030365307957048, 14.335101691189736, -5.077250187499324, -1.465202890462345,
            -9.194468527528002, 3.584448050609955, 22.69311761945228, 3.4417197690373067},
    };
    private static final double[][] ELASTIC_NET_SETTINGS = {{0.1, 0.5}, {1.0, 0.5}, {0.5, 0.9}};
    private static final int[] ELASTIC_NET_N_ITER = {59, 12, 49};

    @Test
    void ridgeCoefficientsEqualScikitLearns() {
        for (int a = 0; a < RIDGE_ALPHAS.length; a++) {
            LinearModel model = new Ridge(RidgeParams.defaults().withAlpha(RIDGE_ALPHAS[a])).fit(DIABETES, CONTEXT);
            assertRelative("ridge alpha " + RIDGE_ALPHAS[a], model.coefficients(), RIDGE_COEF[a], 1e-6);
            assertThat(model.intercept()).isCloseTo(INTERCEPT, offset(1e-6 * INTERCEPT));
        }
    }

    @Test
    void ridgeWithAlphaZeroIsLeastSquaresEvenForCollinearFeatures() {
        Dataset raw = RegressionCsv.read("diabetes");
        LinearModel ols = new LinearRegression(LinearRegressionParams.defaults()).fit(raw, CONTEXT);
        LinearModel ridge = new Ridge(RidgeParams.defaults().withAlpha(0)).fit(raw, CONTEXT);
        assertClose("alpha 0 = OLS", ridge.coefficients(), ols.coefficients(), 1e-7);

        // Singular XᵀX: Cholesky fails and the minimum-norm least-squares answer is returned instead.
        Dataset duplicated = LinearRegressionTest.withColumnCopied(raw, 2, "bmi-copy");
        LinearModel collinear = new Ridge(RidgeParams.defaults().withAlpha(0)).fit(duplicated, CONTEXT);
        LinearModel minimumNorm = new LinearRegression(LinearRegressionParams.defaults()).fit(duplicated, CONTEXT);
        assertClose("collinear", collinear.coefficients(), minimumNorm.coefficients(), 1e-7);
    }

    @Test
    void ridgeShrinksTowardsZeroAsAlphaGrows() {
        double previous = Double.POSITIVE_INFINITY;
        for (double alpha : new double[] {0, 1, 100, 10_000}) {
            double norm = norm(new Ridge(RidgeParams.defaults().withAlpha(alpha)).fit(DIABETES, CONTEXT).coefficients());
            assertThat(norm).as("|w| at alpha %s", alpha).isLessThan(previous);
            previous = norm;
        }
    }

    @Test
    void lassoCoefficientsAndIterationsEqualScikitLearns() {
        for (int a = 0; a < LASSO_ALPHAS.length; a++) {
            LinearModel model = new Lasso(LassoParams.defaults().withAlpha(LASSO_ALPHAS[a])).fit(DIABETES, CONTEXT);
            String what = "lasso alpha " + LASSO_ALPHAS[a];
            assertRelative(what, model.coefficients(), LASSO_COEF[a], 1e-5);
            assertThat(model.nIter()).as(what + " n-iter").hasValue(LASSO_N_ITER[a]);
            assertThat(model.converged()).isTrue();
            assertThat(model.intercept()).isCloseTo(INTERCEPT, offset(1e-6 * INTERCEPT));
            for (int j = 0; j < LASSO_COEF[a].length; j++) {
                if (LASSO_COEF[a][j] == 0) {
                    assertThat(model.coefficients()[j]).as(what + " coef " + j + " exactly zero").isZero();
                }
            }
        }
    }

    @Test
    void elasticNetCoefficientsAndIterationsEqualScikitLearns() {
        for (int s = 0; s < ELASTIC_NET_SETTINGS.length; s++) {
            double alpha = ELASTIC_NET_SETTINGS[s][0];
            double l1Ratio = ELASTIC_NET_SETTINGS[s][1];
            LinearModel model = new ElasticNet(ElasticNetParams.defaults().withAlpha(alpha).withL1Ratio(l1Ratio))
                    .fit(DIABETES, CONTEXT);
            String what = "elastic-net alpha " + alpha + " l1-ratio " + l1Ratio;
            assertRelative(what, model.coefficients(), ELASTIC_NET_COEF[s], 1e-5);
            assertThat(model.nIter()).as(what + " n-iter").hasValue(ELASTIC_NET_N_ITER[s]);
            assertThat(model.intercept()).isCloseTo(INTERCEPT, offset(1e-6 * INTERCEPT));
        }
    }

    @Test
    void elasticNetWithL1RatioOneIsTheLasso() {
        LinearModel lasso = new Lasso(LassoParams.defaults().withAlpha(0.5)).fit(DIABETES, CONTEXT);
        LinearModel net = new ElasticNet(ElasticNetParams.defaults().withAlpha(0.5).withL1Ratio(1)).fit(DIABETES, CONTEXT);
        assertThat(net.coefficients()).containsExactly(lasso.coefficients());
    }

    @Test
    void withL1RatioZeroCoordinateDescentApproachesTheRidgeSolution() {
        // With l1-ratio 0 the elastic net minimises (1/2n)|y - Xw|^2 + alpha/2 |w|^2, which is ridge with
        // alpha_ridge = n * alpha. scikit-learn's duality gap does not vanish without an L1 term, so (as
        // there) the fit never reports convergence and runs all max-iter passes; they bring it to the
        // closed form all the same.
        int n = DIABETES.rows();
        LinearModel net = new ElasticNet(new ElasticNetParams(0.1, 0, 3000, 1e-4, true)).fit(DIABETES, CONTEXT);
        LinearModel ridge = new Ridge(RidgeParams.defaults().withAlpha(0.1 * n)).fit(DIABETES, CONTEXT);
        assertThat(net.converged()).isFalse();
        assertThat(net.nIter()).hasValue(3000);
        assertClose("coef", net.coefficients(), ridge.coefficients(), 1e-9);
    }

    @Test
    void notConvergingWithinMaxIterIsReportedNotHidden() {
        LinearModel model = new Lasso(LassoParams.defaults().withAlpha(0.1).withMaxIter(5)).fit(DIABETES, CONTEXT);
        assertThat(model.nIter()).hasValue(5);
        assertThat(model.converged()).isFalse();
    }

    @Test
    void eachPassIsRecordedInTheHistory() {
        List<Map<String, Double>> rows = new ArrayList<>();
        HistorySink sink = (scope, step, values) -> rows.add(values);
        RunContext context = RunContext.builder(0).history(sink).build();
        LinearModel model = new Lasso(LassoParams.defaults()).fit(DIABETES, context);
        assertThat(rows).hasSize(model.nIter().orElseThrow());
        assertThat(rows.get(rows.size() - 1)).containsKeys("max-coef-change", "dual-gap");
    }

    @Test
    void aConstantTargetGivesZeroWeights() {
        Dataset constant = Dataset.of(new double[][] {{1, 2}, {2, 1}, {3, 5}}, new double[] {4, 4, 4},
                new Schema(List.of("a", "b"), "y", List.of()));
        LinearModel model = new Lasso(LassoParams.defaults()).fit(constant, CONTEXT);
        assertThat(model.coefficients()).containsExactly(0, 0);
        assertThat(model.intercept()).isEqualTo(4);
        assertThat(model.converged()).isTrue();
    }

    @Test
    void stateRoundTripsRebuildEqualModels() {
        LinearModel ridge = new Ridge(RidgeParams.defaults()).fit(DIABETES, CONTEXT);
        assertThat(ridge.state().attributes()).isEmpty();
        LinearModel ridgeBack = LinearModel.restore(RidgeParams.defaults(), DIABETES.schema(), ridge.state());
        assertThat(ridgeBack.predict(DIABETES)).containsExactly(ridge.predict(DIABETES));

        LinearModel lasso = new Lasso(LassoParams.defaults()).fit(DIABETES, CONTEXT);
        ModelState state = lasso.state();
        assertThat(state.attributes()).containsOnlyKeys("n-iter", "converged");
        LinearModel lassoBack = LinearModel.restore(LassoParams.defaults(), DIABETES.schema(), state);
        assertThat(lassoBack.predict(DIABETES)).containsExactly(lasso.predict(DIABETES));
        assertThat(lassoBack.nIter()).isEqualTo(lasso.nIter());

        LinearModel net = new ElasticNet(ElasticNetParams.defaults()).fit(DIABETES, CONTEXT);
        LinearModel netBack = LinearModel.restore(ElasticNetParams.defaults(), DIABETES.schema(), net.state());
        assertThat(netBack.coefficients()).containsExactly(net.coefficients());

        ModelState missingIterations = ModelState.builder().put("coef", lasso.coefficients())
                .add("intercept", new ModelState.Array(new double[] {1}, null, new int[0])).build();
        assertThatThrownBy(() -> LinearModel.restore(LassoParams.defaults(), DIABETES.schema(), missingIterations))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("model state: missing attribute 'n-iter'");
        ModelState nanCoef = ModelState.builder().put("coef", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, Double.NaN})
                .add("intercept", new ModelState.Array(new double[] {1}, null, new int[0])).build();
        assertThatThrownBy(() -> LinearModel.restore(RidgeParams.defaults(), DIABETES.schema(), nanCoef))
                .hasMessage("ridge: model state array 'coef' holds NaN at index 9; expected finite numbers");
    }

    @Test
    void badParamsAreRejectedByName() {
        assertThatThrownBy(() -> RidgeParams.defaults().withAlpha(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be >= 0, got -1");
        assertThatThrownBy(() -> LassoParams.defaults().withAlpha(0)).hasMessage("alpha must be > 0, got 0");
        assertThatThrownBy(() -> LassoParams.defaults().withMaxIter(0)).hasMessage("max-iter must be >= 1, got 0");
        assertThatThrownBy(() -> LassoParams.defaults().withTol(0)).hasMessage("tol must be > 0, got 0");
        assertThatThrownBy(() -> ElasticNetParams.defaults().withL1Ratio(1.5)).hasMessage("l1-ratio must be <= 1, got 1.5");
        assertThatThrownBy(() -> ElasticNetParams.defaults().withL1Ratio(-0.1)).hasMessage("l1-ratio must be >= 0, got -0.1");
        assertThatThrownBy(() -> ElasticNetParams.defaults().withAlpha(Double.NaN)).hasMessageStartingWith("alpha must be > 0");
    }

    @Test
    void badInputIsRejectedByEveryPenalisedModel() {
        Dataset nanTarget = Dataset.of(new double[][] {{1}, {2}}, new double[] {Double.NaN, 1},
                new Schema(List.of("a"), "y", List.of()));
        assertThatThrownBy(() -> new Ridge(RidgeParams.defaults()).fit(nanTarget, CONTEXT))
                .hasMessage("ridge: target 'y' of row 0 is NaN; the targets must be finite numbers");
        assertThatThrownBy(() -> new Lasso(LassoParams.defaults()).fit(nanTarget, CONTEXT))
                .hasMessage("lasso: target 'y' of row 0 is NaN; the targets must be finite numbers");
        assertThatThrownBy(() -> new ElasticNet(ElasticNetParams.defaults()).fit(nanTarget.view(new int[0]), CONTEXT))
                .hasMessage("elastic-net needs at least one row to fit, got none");
    }

    private static void assertRelative(String what, double[] actual, double[] expected, double relative) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        // Relative to each coefficient, or to the largest for coefficients near zero.
        for (int j = 0; j < expected.length; j++) {
            double allowed = relative * Math.max(Math.abs(expected[j]), 1e-3 * scale);
            assertThat(actual[j]).as(what + " coef[" + j + "]").isCloseTo(expected[j], offset(allowed));
        }
    }

    private static double norm(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
