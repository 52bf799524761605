package dev.grove.classical.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class GaussianMixtureTest {

    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final Dataset IRIS = CsvData.read("iris");
    private static final double REG = 1e-6;

    private static GaussianMixtureModel fit(GaussianMixtureParams params, Dataset data) {
        return new GaussianMixture(params).fit(data, CONTEXT);
    }

    /** Two far-apart groups in two dimensions with different, correlated shapes (hand-checkable moments). */
    private static Dataset twoGroups() {
        // Group A around (−20, 0): offsets (±1, ±1) with the sign pattern (1,1), (−1,−1), (1,−1)·0.5, (−1,1)·0.5.
        // Group B around (20, 5): offsets (±2, 0), (0, ±1).
        return Blobs.of(new double[][] {
            {-19, 1}, {-21, -1}, {-19.5, -0.5}, {-20.5, 0.5},
            {22, 5}, {18, 5}, {20, 6}, {20, 4},
        });
    }

    /** Population covariance of the given rows of {@code data}, by the textbook two-pass formula. */
    private static double[][] covariance(Dataset data, int from, int to) {
        int d = data.featureCount();
        double[] mean = new double[d];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data.feature(i, j) / (to - from);
            }
        }
        double[][] cov = new double[d][d];
        for (int i = from; i < to; i++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    cov[a][b] += (data.feature(i, a) - mean[a]) * (data.feature(i, b) - mean[b]) / (to - from);
                }
            }
        }
        return cov;
    }

    @Test
    void separatedGroupsGiveTheirOwnMomentsForEveryCovarianceType() {
        // The groups are ~40 apart, so every responsibility is 0 or 1 to far below 1e-12 and EM converges to
        // per-group weights, means and covariances (population, plus reg-covar on the diagonal).
        Dataset data = twoGroups();
        double[][] a = covariance(data, 0, 4);
        double[][] b = covariance(data, 4, 8);
        // Hand check of group A: offsets (1,1), (−1,−1), (.5,−.5), (−.5,.5): var x = var y = (1+1+.25+.25)/4 = .625,
        // cov xy = (1 + 1 − .25 − .25)/4 = .375. Group B: var x = 8/4 = 2, var y = 2/4 = .5, cov 0.
        assertThat(a[0][0]).isEqualTo(0.625);
        assertThat(a[0][1]).isEqualTo(0.375);
        assertThat(b[0][0]).isEqualTo(2.0);
        assertThat(b[1][1]).isEqualTo(0.5);
        for (String type : List.of("full", "tied", "diag", "spherical")) {
            GaussianMixtureModel model = fit(GaussianMixtureParams.defaults().withComponents(2).withCovariance(type), data);
            int ofA = model.predict(data)[0];
            int ofB = 1 - ofA;
            assertThat(model.predict(data)).as(type).containsExactly(ofA, ofA, ofA, ofA, ofB, ofB, ofB, ofB);
            assertThat(model.weights()[ofA]).as(type).isCloseTo(0.5, offset(1e-12));
            assertThat(model.means()[ofA]).as(type).containsExactly(new double[] {-20, 0}, offset(1e-12));
            assertThat(model.means()[ofB]).as(type).containsExactly(new double[] {20, 5}, offset(1e-12));
            double[][] expectedA;
            double[][] expectedB;
            switch (type) {
                case "full" -> {
                    expectedA = a;
                    expectedB = b;
                }
                case "tied" -> {
                    // One shared matrix: the average of the two groups' scatter.
                    double[][] pooled = new double[2][2];
                    for (int i = 0; i < 2; i++) {
                        for (int j = 0; j < 2; j++) {
                            pooled[i][j] = (a[i][j] + b[i][j]) / 2;
                        }
                    }
                    expectedA = pooled;
                    expectedB = pooled;
                }
                case "diag" -> {
                    expectedA = new double[][] {{a[0][0], 0}, {0, a[1][1]}};
                    expectedB = new double[][] {{b[0][0], 0}, {0, b[1][1]}};
                }
                default -> {
                    double va = (a[0][0] + a[1][1]) / 2;
                    double vb = (b[0][0] + b[1][1]) / 2;
                    expectedA = new double[][] {{va, 0}, {0, va}};
                    expectedB = new double[][] {{vb, 0}, {0, vb}};
                }
            }
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double reg = i == j ? REG : 0;
                    assertThat(model.covariance(ofA)[i][j]).as(type + " A " + i + j).isCloseTo(expectedA[i][j] + reg, offset(1e-12));
                    assertThat(model.covariance(ofB)[i][j]).as(type + " B " + i + j).isCloseTo(expectedB[i][j] + reg, offset(1e-12));
                }
            }
            assertThat(model.converged()).isTrue();
        }
    }

    @Test
    void logLikelihoodBicAndAicFollowTheirFormulas() {
        // 1-D: −11, −10, −9 and 9, 10, 11. Each component: weight ½, mean ∓10, variance 2/3 + reg-covar.
        // log p(x) = log ½ − ½ log(2π σ²) − (x − μ)² / (2σ²); the mean of (x − μ)² is 2/3.
        Dataset data = Blobs.of(new double[][] {{-11}, {-10}, {-9}, {9}, {10}, {11}});
        GaussianMixtureModel model = fit(GaussianMixtureParams.defaults().withComponents(2), data);
        double variance = 2.0 / 3 + REG;
        double expected = Math.log(0.5) - 0.5 * Math.log(2 * Math.PI * variance) - (2.0 / 3) / (2 * variance);
        assertThat(model.logLikelihood()).isCloseTo(expected, offset(1e-12));
        assertThat(model.meanLogLikelihood(data)).isCloseTo(expected, offset(1e-12));
        // Parameters: 2 variances + 2 means + 1 free weight = 5.
        assertThat(model.parameterCount()).isEqualTo(5);
        assertThat(model.bic()).isCloseTo(-2 * 6 * expected + 5 * Math.log(6), offset(1e-9));
        assertThat(model.aic()).isCloseTo(-2 * 6 * expected + 10, offset(1e-9));
        assertThat(model.bic(data)).isCloseTo(model.bic(), offset(1e-9));
        double[] scores = model.scoreSamples(Blobs.of(new double[][] {{-10}}));
        assertThat(scores[0]).isCloseTo(Math.log(0.5) - 0.5 * Math.log(2 * Math.PI * variance), offset(1e-12));
    }

    @Test
    void parameterCountsMatchScikitLearnForEachCovarianceType() {
        // GaussianMixture(3, covariance_type=t).fit(iris)._n_parameters(): full 44, tied 24, diag 26, spherical 17.
        // By hand for k = 3, d = 4: means 12, weights 2; covariances 3·10, 10, 3·4, 3.
        int[] expected = {44, 24, 26, 17};
        String[] types = {"full", "tied", "diag", "spherical"};
        for (int t = 0; t < 4; t++) {
            GaussianMixtureModel model = fit(GaussianMixtureParams.defaults().withComponents(3).withCovariance(types[t]), IRIS);
            assertThat(model.parameterCount()).as(types[t]).isEqualTo(expected[t]);
            double n = IRIS.rows();
            assertThat(model.bic()).isCloseTo(-2 * n * model.logLikelihood() + expected[t] * Math.log(n), offset(1e-9));
            assertThat(model.aic()).isCloseTo(-2 * n * model.logLikelihood() + 2 * expected[t], offset(1e-9));
        }
    }

    @Test
    void responsibilitiesAreDistributionsAndPredictTheirLargest() {
        GaussianMixtureModel model = fit(GaussianMixtureParams.defaults().withComponents(3), IRIS);
        double[][] proba = model.predictProba(IRIS);
        int[] labels = model.predict(IRIS);
        for (int i = 0; i < proba.length; i++) {
            assertThat(Arrays.stream(proba[i]).sum()).isCloseTo(1, offset(1e-12));
            for (int c = 0; c < 3; c++) {
                assertThat(proba[i][c]).isLessThanOrEqualTo(proba[i][labels[i]]);
            }
        }
        // log p(x) is the log of the weighted sum of the component densities, computed here naively.
        double[] scores = model.scoreSamples(IRIS);
        double[] row = new double[4];
        for (int i : new int[] {0, 60, 120}) {
            IRIS.row(i, row);
            double density = 0;
            for (int c = 0; c < 3; c++) {
                density += model.weights()[c] * normalDensity(row, model.means()[c], model.covariance(c));
            }
            assertThat(scores[i]).isCloseTo(Math.log(density), offset(1e-9));
        }
    }

    /** N(x | μ, Σ) via Gaussian elimination on Σ (independent of the model's Cholesky path). */
    private static double normalDensity(double[] x, double[] mean, double[][] sigma) {
        int d = x.length;
        double[][] m = new double[d][d + 1];
        for (int i = 0; i < d; i++) {
            System.arraycopy(sigma[i], 0, m[i], 0, d);
            m[i][d] = x[i] - mean[i];
        }
        double det = 1;
        for (int p = 0; p < d; p++) {
            det *= m[p][p];
            for (int i = p + 1; i < d; i++) {
                double f = m[i][p] / m[p][p];
                for (int j = p; j <= d; j++) {
                    m[i][j] -= f * m[p][j];
                }
            }
        }
        double[] solution = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = m[i][d];
            for (int j = i + 1; j < d; j++) {
                s -= m[i][j] * solution[j];
            }
            solution[i] = s / m[i][i];
        }
        double quadratic = 0;
        for (int i = 0; i < d; i++) {
            quadratic += (x[i] - mean[i]) * solution[i];
        }
        return Math.exp(-0.5 * quadratic) / Math.sqrt(Math.pow(2 * Math.PI, d) * det);
    }

    @Test
    void samplesFollowTheMixture() {
        GaussianMixtureModel model = fit(GaussianMixtureParams.defaults().withComponents(2), twoGroups());
        Dataset sample = model.sample(20000, new Rng(5));
        assertThat(sample.rows()).isEqualTo(20000);
        assertThat(sample.schema().featureNames()).containsExactly("x0", "x1");
        assertThat(sample.schema().classLabels()).containsExactly("0", "1");
        // Per component: its share of rows near its weight, and sample mean and covariance near its own.
        for (int c = 0; c < 2; c++) {
            int count = 0;
            double[] mean = new double[2];
            double[][] scatter = new double[2][2];
            for (int i = 0; i < sample.rows(); i++) {
                if (sample.label(i) == c) {
                    count++;
                    mean[0] += sample.feature(i, 0);
                    mean[1] += sample.feature(i, 1);
                }
            }
            mean[0] /= count;
            mean[1] /= count;
            for (int i = 0; i < sample.rows(); i++) {
                if (sample.label(i) == c) {
                    for (int a = 0; a < 2; a++) {
                        for (int b = 0; b < 2; b++) {
                            scatter[a][b] += (sample.feature(i, a) - mean[a]) * (sample.feature(i, b) - mean[b]) / count;
                        }
                    }
                }
            }
            // Binomial sd of the share is 0.0035; of a mean, σ/√10000 ≤ 0.015; of a variance about 1.5 %.
            assertThat(count / 20000.0).isCloseTo(model.weights()[c], offset(0.015));
            assertThat(mean[0]).isCloseTo(model.means()[c][0], offset(0.06));
            assertThat(mean[1]).isCloseTo(model.means()[c][1], offset(0.06));
            for (int a = 0; a < 2; a++) {
                for (int b = 0; b < 2; b++) {
                    assertThat(scatter[a][b]).isCloseTo(model.covariance(c)[a][b], offset(0.08 * model.covariance(c)[a][a]));
                }
            }
        }
        Dataset again = model.sample(20000, new Rng(5));
        assertThat(again.featureMatrix()).isEqualTo(sample.featureMatrix());
        assertThat(model.sample(0, new Rng(1)).rows()).isZero();
    }

    @Test
    void theThreadBudgetDoesNotChangeTheModel() {
        Dataset blobs = Blobs.gaussian(new double[][] {{0, 0, 0}, {4, 0, 1}, {0, 5, -2}, {3, 3, 3}}, 600, 1.0, 3);
        for (String type : List.of("full", "tied", "diag", "spherical")) {
            GaussianMixture gmm = new GaussianMixture(GaussianMixtureParams.defaults().withComponents(4).withCovariance(type)
                    .withNInit(2));
            GaussianMixtureModel one = Budgets.withThreads(1, 1, context -> gmm.fit(blobs, context));
            GaussianMixtureModel two = Budgets.withThreads(2, 1, context -> gmm.fit(blobs, context));
            assertThat(two.state().arrays().get("covariances").doubles())
                    .isEqualTo(one.state().arrays().get("covariances").doubles());
            assertThat(two.means()).isDeepEqualTo(one.means());
            assertThat(two.weights()).isEqualTo(one.weights());
            assertThat(two.logLikelihood()).isEqualTo(one.logLikelihood());
        }
    }

    @Test
    void randomInitAlsoConverges() {
        // Random responsibilities start both components near the overall mean; EM separates them slowly,
        // so this needs a tighter tol than the default (scikit-learn behaves the same).
        GaussianMixtureModel model = fit(GaussianMixtureParams.defaults().withComponents(2).withInit("random").withNInit(3)
                .withTol(1e-10).withMaxIter(1000), twoGroups());
        assertThat(model.means()[model.predict(twoGroups())[0]]).containsExactly(new double[] {-20, 0}, offset(1e-6));
    }

    @Test
    void stateRestoresAModelThatPredictsIdentically() {
        for (String type : List.of("full", "tied", "diag", "spherical")) {
            GaussianMixtureParams params = GaussianMixtureParams.defaults().withComponents(3).withCovariance(type);
            GaussianMixtureModel model = fit(params, IRIS);
            ModelState state = model.state();
            assertThat(state.shape("weights")).containsExactly(3);
            assertThat(state.shape("means")).containsExactly(3, 4);
            int[] shape = switch (type) {
                case "full" -> new int[] {3, 4, 4};
                case "tied" -> new int[] {4, 4};
                case "diag" -> new int[] {3, 4};
                default -> new int[] {3};
            };
            assertThat(state.shape("covariances")).containsExactly(shape);
            assertThat(state.attributes()).containsKeys("log-likelihood", "bic", "aic", "n-iter", "converged");
            GaussianMixtureModel restored = GaussianMixtureModel.restore(params, IRIS.schema(), state);
            assertThat(restored.predictProba(IRIS)).isDeepEqualTo(model.predictProba(IRIS));
            assertThat(restored.scoreSamples(IRIS)).isEqualTo(model.scoreSamples(IRIS));
            assertThat(restored.logLikelihood()).isEqualTo(model.logLikelihood());
            assertThat(restored.bic()).isEqualTo(model.bic());
            assertThat(restored.nIter()).isEqualTo(model.nIter());
            assertThat(restored.converged()).isEqualTo(model.converged());
        }
        GaussianMixtureParams params = GaussianMixtureParams.defaults().withComponents(2).withCovariance("diag");
        ModelState negative = ModelState.builder().put("weights", new double[] {0.5, 0.5}, 2)
                .put("means", new double[] {0, 1}, 2, 1).put("covariances", new double[] {1, -1}, 2, 1)
                .attribute("log-likelihood", "0").attribute("bic", "0").attribute("aic", "0")
                .attribute("n-iter", "1").attribute("converged", "true").build();
        Schema oneFeature = Schema.unlabelled(List.of("x"));
        assertThatThrownBy(() -> GaussianMixtureModel.restore(params, oneFeature, negative))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'covariances'").hasMessageContaining("component 1 is not positive definite");
        assertThatThrownBy(() -> GaussianMixtureModel.restore(params.withCovariance("full"), oneFeature, negative))
                .hasMessageContaining("'covariances' has shape [2, 1], expected [2, 1, 1]");
    }

    @Test
    void badInputIsRejectedWithWhatAndWhere() {
        GaussianMixture gmm = new GaussianMixture(GaussianMixtureParams.defaults().withComponents(3));
        assertThatThrownBy(() -> gmm.fit(Blobs.of(new double[][] {{0}, {1}}), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gmm: components is 3 but the data has only 2 rows; components must be at most the number of rows");
        Dataset empty = Dataset.of(new double[0][], null, Schema.unlabelled(List.of("x0")));
        assertThatThrownBy(() -> gmm.fit(empty, CONTEXT)).hasMessageContaining("gmm needs at least one row");
        Dataset nan = Blobs.of(new double[][] {{0, 0}, {1, 1}, {2, 2}, {Double.NaN, 3}});
        assertThatThrownBy(() -> gmm.fit(nan, CONTEXT)).hasMessageContaining("feature 'x0' of row 3 is NaN");
        // Without reg-covar, a component over one repeated point has a zero covariance.
        Dataset repeated = Blobs.of(new double[][] {{1, 1}, {1, 1}, {1, 1}, {5, 5}, {6, 5}, {5, 7}});
        assertThatThrownBy(() -> new GaussianMixture(GaussianMixtureParams.defaults().withComponents(2).withRegCovar(0))
                .fit(repeated, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite").hasMessageContaining("reg-covar");
        // With the default reg-covar the same data fits.
        assertThat(new GaussianMixture(GaussianMixtureParams.defaults().withComponents(2)).fit(repeated, CONTEXT)
                .logLikelihood()).isFinite();

        GaussianMixtureModel model = gmm.fit(IRIS, CONTEXT);
        Dataset fewer = Dataset.of(new double[][] {{1, 2, 3}}, null,
                Schema.unlabelled(IRIS.schema().featureNames().subList(0, 3)));
        assertThatThrownBy(() -> model.predictProba(fewer)).hasMessageContaining("column 4");
        assertThatThrownBy(() -> model.sample(-1, new Rng(0))).hasMessageContaining("cannot sample -1 rows");
        RunContext cancelled = RunContext.withSeed(0);
        cancelled.cancel();
        assertThatThrownBy(() -> gmm.fit(IRIS, cancelled)).isInstanceOf(CancellationException.class);
    }

    @Test
    void paramsAreValidatedByName() {
        GaussianMixtureParams d = GaussianMixtureParams.defaults();
        assertThat(d).isEqualTo(new GaussianMixtureParams(1, "full", 100, 1e-3, 1e-6, 1, "kmeans"));
        assertThatThrownBy(() -> d.withComponents(0)).hasMessage("components must be >= 1, got 0");
        assertThatThrownBy(() -> d.withCovariance("diagonal"))
                .hasMessage("covariance must be one of full, tied, diag, spherical, got 'diagonal'");
        assertThatThrownBy(() -> d.withRegCovar(-1e-6)).hasMessage("reg-covar must be >= 0, got -1.0E-6");
        assertThatThrownBy(() -> d.withTol(-1)).hasMessage("tol must be >= 0, got -1");
        assertThatThrownBy(() -> d.withNInit(0)).hasMessage("n-init must be >= 1, got 0");
        assertThatThrownBy(() -> d.withInit("k-means++")).hasMessage("init must be one of kmeans, random, got 'k-means++'");
    }
}
