package dev.grove.classical.decomposition;

import static dev.grove.classical.testing.Close.assertClose;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PCA against scikit-learn 1.2.1 (printed by src/test/reference/linear_pca_ref.py) and against
 * properties any PCA must have (unit-variance whitened scores, exact reconstruction from all
 * components, orthonormal components).
 */
class PcaTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset DIGITS = CsvData.read("digits");
    private static final RunContext CONTEXT = RunContext.withSeed(0);

    /** ../shared/reference/sklearn-quality.json "digits/pca/explained_variance_ratio[:5]" (8 decimals). */
    private static final double[] DIGITS_RATIO_ROUNDED = {0.14890594, 0.13618771, 0.11794594, 0.08409979, 0.05782415};
    /** PCA().fit(digits).explained_variance_ratio_[:5], full precision. */
    private static final double[] DIGITS_RATIO = {
        0.14890593584063846, 0.13618771239635463, 0.11794593763975782, 0.08409979421009191, 0.05782414664005522};
    /** PCA().fit(digits).explained_variance_[:5]. */
    private static final double[] DIGITS_VARIANCE = {
        179.00693009797206, 163.7177468816776, 141.78843909228388, 101.10037520284797, 69.51316559098741};
    /** PCA().fit(iris).components_: note row 3, whose largest entry is negative (sklearn's U-based svd_flip). */
    private static final double[][] IRIS_COMPONENTS = {
        {0.36138659178536864, -0.08452251406456868, 0.8566706059498349, 0.3582891971515507},
        {0.6565887712868423, 0.7301614347850266, -0.17337266279585706, -0.07548101991746337},
        {-0.5820298513060651, 0.5979108301000855, 0.0762360758209632, 0.5458314320200757},
        {-0.3154871929039752, 0.31972310366612955, 0.47983898699463434, -0.7536574252640454},
    };
    private static final double[] IRIS_VARIANCE = {
        4.228241706034864, 0.24267074792863336, 0.07820950004291938, 0.023835092973449434};
    private static final double[] IRIS_RATIO = {
        0.9246187232017271, 0.05306648311706782, 0.017102609807929763, 0.005212183873275374};
    private static final double[] IRIS_SINGULAR = {
        25.099960442183864, 6.013147382308733, 3.4136806391921004, 1.8845235082226928};
    private static final double[] IRIS_MEAN = {5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334};
    /** PCA(2).fit(iris).transform(iris[[0, 50, 100]]) and the same with whiten=True. */
    private static final double[][] IRIS_SCORES = {
        {-2.684125625969537, 0.31939724658510055},
        {1.2848256888583507, 0.685160470467309},
        {2.531192727803627, -0.009849109498802232},
    };
    private static final double[][] IRIS_WHITENED_SCORES = {
        {-1.305337863319856, 0.6483693157802378},
        {0.6248335037697881, 1.3908605355437589},
        {1.230963884474848, -0.019993473503791114},
    };

    private static PcaModel fit(Dataset data, PcaParams params) {
        return new Pca(params).fit(data, CONTEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"svd", "eigen"})
    void digitsExplainedVarianceRatiosEqualScikitLearns(String solver) {
        PcaModel model = fit(DIGITS, PcaParams.defaults().withSolver(solver));
        assertThat(model.componentCount()).isEqualTo(64);
        double[] firstFive = Arrays.copyOf(model.explainedVarianceRatio(), 5);
        assertClose("ratio vs sklearn-quality.json (rounded to 8 decimals)", firstFive, DIGITS_RATIO_ROUNDED, 5.1e-9);
        assertClose("ratio", firstFive, DIGITS_RATIO, 1e-6);
        assertClose("ratio, full precision", firstFive, DIGITS_RATIO, 1e-12);
        assertClose("explained variance", Arrays.copyOf(model.explainedVariance(), 5), DIGITS_VARIANCE, 1e-12);
        assertThat(Arrays.stream(model.explainedVarianceRatio()).sum()).isCloseTo(1, offset(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"svd", "eigen"})
    void irisComponentsMatchScikitLearnSignsIncluded(String solver) {
        PcaModel model = fit(IRIS, PcaParams.defaults().withSolver(solver));
        assertClose("components", model.components(), IRIS_COMPONENTS, 1e-8);
        assertClose("explained variance", model.explainedVariance(), IRIS_VARIANCE, 1e-12);
        assertClose("explained variance ratio", model.explainedVarianceRatio(), IRIS_RATIO, 1e-12);
        assertClose("singular values", model.singularValues(), IRIS_SINGULAR, 1e-12);
        assertClose("mean", model.mean(), IRIS_MEAN, 1e-14);
    }

    @Test
    void theDirectSvdAndTheGramRouteAgreeToOneInAHundredMillion() {
        for (Dataset data : List.of(IRIS, DIGITS, CsvData.read("wine"))) {
            int rows = data.rows();
            int features = data.featureCount();
            double[] centred = centred(data);
            PcaSpectrum direct = PcaSpectrum.ofSvd(centred.clone(), rows, features);
            PcaSpectrum gram = PcaSpectrum.ofGram(centred.clone(), rows, features, true);
            PcaSpectrum covariance = PcaSpectrum.ofCovariance(centred.clone(), rows, features, true);
            double largest = direct.variances()[0];
            for (int c = 0; c < direct.count(); c++) {
                assertThat(gram.variances()[c]).as(data + " gram variance " + c).isCloseTo(direct.variances()[c],
                        offset(1e-8 * largest));
                assertThat(covariance.variances()[c]).as(data + " covariance variance " + c)
                        .isCloseTo(direct.variances()[c], offset(1e-8 * largest));
            }
            // Directions are defined up to sign, and only for separated variances: compare the leading
            // three (well separated on all three data sets) through |cosine|.
            for (int c = 0; c < 3; c++) {
                assertThat(Math.abs(cosine(direct, gram, c, features))).as(data + " direction " + c)
                        .isCloseTo(1, offset(1e-8));
            }
        }
    }

    @Test
    void theSvdSolverTakesTheGramRouteOnlyForTallData() {
        // iris: 150 rows ≥ 4 × 4 features; a 10 × 4 slice of it is not tall enough and goes through Svd.
        Dataset short10 = IRIS.view(new int[] {0, 10, 20, 30, 50, 60, 70, 100, 110, 120});
        PcaModel model = fit(short10, PcaParams.defaults());
        double[] centred = centred(short10);
        PcaSpectrum direct = PcaSpectrum.ofSvd(centred, 10, 4);
        assertThat(model.singularValues()).containsExactly(direct.singularValues());
    }

    @Test
    void aVarianceFractionKeepsTheFewestComponentsExplainingMoreThanIt() {
        // PCA(f).fit(...).n_components_ in scikit-learn 1.2.1.
        assertThat(fit(IRIS, PcaParams.defaults().withVarianceFraction(0.9)).componentCount()).isEqualTo(1);
        assertThat(fit(IRIS, PcaParams.defaults().withVarianceFraction(0.95)).componentCount()).isEqualTo(2);
        assertThat(fit(IRIS, PcaParams.defaults().withVarianceFraction(0.99)).componentCount()).isEqualTo(3);
        assertThat(fit(DIGITS, PcaParams.defaults().withVarianceFraction(0.5)).componentCount()).isEqualTo(5);
        assertThat(fit(DIGITS, PcaParams.defaults().withVarianceFraction(0.8)).componentCount()).isEqualTo(13);
        assertThat(fit(DIGITS, PcaParams.defaults().withVarianceFraction(0.9)).componentCount()).isEqualTo(21);
        assertThat(fit(DIGITS, PcaParams.defaults().withVarianceFraction(0.95).withSolver("eigen")).componentCount())
                .isEqualTo(29);
    }

    @Test
    void transformGivesScikitLearnsScoresPlainAndWhitened() {
        Dataset rows = IRIS.view(new int[] {0, 50, 100});
        Dataset plain = fit(IRIS, PcaParams.defaults().withComponents(2)).transform(rows);
        assertThat(plain.schema().featureNames()).containsExactly("pc1", "pc2");
        assertThat(plain.targets()).containsExactly(rows.targets());
        assertClose("scores", matrix(plain), IRIS_SCORES, 1e-10);
        Dataset whitened = fit(IRIS, PcaParams.defaults().withComponents(2).withWhiten(true)).transform(rows);
        assertClose("whitened scores", matrix(whitened), IRIS_WHITENED_SCORES, 1e-10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"svd", "eigen"})
    void inverseTransformWithAllComponentsRestoresTheData(String solver) {
        for (boolean whiten : new boolean[] {false, true}) {
            PcaModel model = fit(IRIS, PcaParams.defaults().withSolver(solver).withWhiten(whiten));
            Dataset back = model.inverseTransform(model.transform(IRIS));
            assertThat(back.schema().featureNames()).isEqualTo(IRIS.schema().featureNames());
            assertClose("round trip, whiten " + whiten, matrix(back), matrix(IRIS), 1e-12);
        }
    }

    @Test
    void inverseTransformWithFewerComponentsIsTheProjectionOntoThem() {
        PcaModel model = fit(IRIS, PcaParams.defaults().withComponents(2));
        double[][] back = matrix(model.inverseTransform(model.transform(IRIS)));
        double[][] x = matrix(IRIS);
        double[][] components = model.components();
        double[] mean = model.mean();
        for (int i = 0; i < x.length; i++) {
            double[] expected = mean.clone();
            for (double[] component : components) {
                double score = 0;
                for (int j = 0; j < mean.length; j++) {
                    score += (x[i][j] - mean[j]) * component[j];
                }
                for (int j = 0; j < mean.length; j++) {
                    expected[j] += score * component[j];
                }
            }
            assertClose("row " + i, back[i], expected, 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"svd", "eigen"})
    void whitenedScoresHaveUnitVarianceAndNoCorrelation(String solver) {
        double[][] scores = matrix(fit(DIGITS, PcaParams.defaults().withSolver(solver).withComponents(10).withWhiten(true))
                .transform(DIGITS));
        int n = scores.length;
        for (int a = 0; a < 10; a++) {
            for (int b = 0; b <= a; b++) {
                double sum = 0;
                for (double[] row : scores) {
                    sum += row[a] * row[b];
                }
                assertThat(sum / (n - 1)).as("sample covariance of pc%d and pc%d", a + 1, b + 1)
                        .isCloseTo(a == b ? 1 : 0, offset(1e-9));
            }
        }
    }

    @Test
    void componentsAreOrthonormal() {
        double[][] c = fit(DIGITS, PcaParams.defaults().withComponents(20)).components();
        for (int a = 0; a < c.length; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int j = 0; j < c[a].length; j++) {
                    dot += c[a][j] * c[b][j];
                }
                assertThat(dot).isCloseTo(a == b ? 1 : 0, offset(1e-12));
            }
        }
    }

    @Test
    void theFitIsBitwiseTheSameForAnyThreadBudget() {
        Dataset wide = randomData(6000, 24, 7);
        PcaModel one = new Pca(PcaParams.defaults().withComponents(5)).fit(wide, RunContext.builder(0).threads(1).build());
        PcaModel many = new Pca(PcaParams.defaults().withComponents(5)).fit(wide, RunContext.builder(0).threads(4).build());
        assertThat(many.components()).isDeepEqualTo(one.components());
        assertThat(many.explainedVariance()).containsExactly(one.explainedVariance());
    }

    @Test
    void stateRoundTripRebuildsAnEqualModel() {
        PcaParams params = PcaParams.defaults().withComponents(3).withWhiten(true);
        PcaModel model = fit(DIGITS, params);
        ModelState state = model.state();
        assertThat(state.arrays()).containsOnlyKeys("components", "mean", "explained-variance",
                "explained-variance-ratio", "singular-values");
        assertThat(state.shape("components")).containsExactly(3, 64);
        PcaModel restored = PcaModel.restore(params, DIGITS.schema(), state);
        assertThat(restored.transform(DIGITS).featureMatrix()).containsExactly(model.transform(DIGITS).featureMatrix());
        assertThat(restored.explainedVarianceRatio()).containsExactly(model.explainedVarianceRatio());
    }

    @Test
    void restoreRejectsStateThatDoesNotFit() {
        PcaModel model = fit(IRIS, PcaParams.defaults().withComponents(2));
        ModelState wrongWidth = ModelState.builder()
                .put("components", new double[6], 2, 3).put("mean", new double[4])
                .put("explained-variance", new double[2]).put("explained-variance-ratio", new double[2])
                .put("singular-values", new double[2]).build();
        assertThatThrownBy(() -> PcaModel.restore(PcaParams.defaults(), IRIS.schema(), wrongWidth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'components' has shape [2, 3]; expected [K, 4]");
        ModelState negative = ModelState.builder()
                .put("components", flatten(model.components()), 2, 4).put("mean", model.mean())
                .put("explained-variance", new double[] {1, -1}).put("explained-variance-ratio", new double[2])
                .put("singular-values", new double[2]).build();
        assertThatThrownBy(() -> PcaModel.restore(PcaParams.defaults(), IRIS.schema(), negative))
                .hasMessageContaining("'explained-variance' holds -1.0 at index 1; expected numbers >= 0");
    }

    @Test
    void badInputIsRejectedSayingWhatAndWhere() {
        Pca pca = new Pca(PcaParams.defaults());
        assertThatThrownBy(() -> pca.fit(IRIS.view(new int[] {3}), CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pca needs at least 2 rows to estimate variances, got 1");
        assertThatThrownBy(() -> pca.fit(IRIS.view(new int[0]), CONTEXT))
                .hasMessage("pca needs at least 2 rows to estimate variances, got 0");
        assertThatThrownBy(() -> new Pca(PcaParams.defaults().withComponents(5)).fit(IRIS, CONTEXT))
                .hasMessage("pca: components is 5 but the data allow at most min(rows, features) = min(150, 4) = 4");

        double[][] x = {{1, 2}, {3, Double.NaN}, {5, 6}};
        Dataset withNan = Dataset.of(x, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> pca.fit(withNan, CONTEXT))
                .hasMessage("pca: feature 'b' of row 1 is NaN; the features must be finite numbers");

        Dataset constant = Dataset.of(new double[][] {{1, 2}, {1, 2}, {1, 2}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> pca.fit(constant, CONTEXT))
                .hasMessage("pca: every feature is constant over the 3 rows, so there is no variance to analyse");

        Dataset line = Dataset.of(new double[][] {{0, 0}, {1, 2}, {2, 4}, {3, 6}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> new Pca(PcaParams.defaults().withWhiten(true)).fit(line, CONTEXT))
                .hasMessageStartingWith("pca: cannot whiten component 2 of 2: its variance is ")
                .hasMessageEndingWith("keep at most 1 components or turn whiten off");

        PcaModel model = fit(IRIS, PcaParams.defaults().withComponents(2));
        Dataset threeColumns = Dataset.of(new double[][] {{1, 2, 3}}, null,
                Schema.unlabelled(IRIS.schema().featureNames().subList(0, 3)));
        assertThatThrownBy(() -> model.transform(threeColumns))
                .hasMessageContaining("column 4 is '(none)' but the model was trained with 'petal_width'");
        assertThatThrownBy(() -> model.inverseTransform(threeColumns))
                .hasMessageStartingWith("pca: inverse transform needs the 2 component scores [pc1, pc2] as columns, got 3 columns");
    }

    @Test
    void badParamsAreRejectedByName() {
        assertThatThrownBy(() -> new PcaParams(-1, false, "svd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("components must be >= 0, got -1");
        assertThatThrownBy(() -> new PcaParams(2.5, false, "svd"))
                .hasMessage("components must be a whole number >= 1, a fraction in (0, 1) or 0 for all, got 2.5");
        assertThatThrownBy(() -> new PcaParams(Double.NaN, false, "svd")).hasMessageStartingWith("components must be >= 0");
        assertThatThrownBy(() -> new PcaParams(2, false, "arpack"))
                .hasMessage("solver must be one of svd, eigen, got 'arpack'");
        assertThatThrownBy(() -> PcaParams.defaults().withVarianceFraction(1))
                .hasMessage("components as a variance fraction must be in (0, 1), got 1.0");
        assertThat(new PcaParams(1, false, "eigen").isVarianceFraction()).isFalse();
        assertThat(new PcaParams(0.5, false, "eigen").isVarianceFraction()).isTrue();
    }

    private static double[] centred(Dataset data) {
        int rows = data.rows();
        int features = data.featureCount();
        double[] x = data.featureMatrix();
        for (int j = 0; j < features; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += x[i * features + j];
            }
            double mean = sum / rows;
            for (int i = 0; i < rows; i++) {
                x[i * features + j] -= mean;
            }
        }
        return x;
    }

    private static double cosine(PcaSpectrum a, PcaSpectrum b, int c, int features) {
        double dot = 0;
        for (int j = 0; j < features; j++) {
            dot += a.directions()[j * a.count() + c] * b.directions()[j * b.count() + c];
        }
        return dot;
    }

    private static double[][] matrix(Dataset data) {
        double[][] out = new double[data.rows()][data.featureCount()];
        for (int i = 0; i < out.length; i++) {
            data.row(i, out[i]);
        }
        return out;
    }

    private static double[] flatten(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }

    private static Dataset randomData(int rows, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][features];
        for (double[] row : x) {
            for (int j = 0; j < features; j++) {
                row[j] = random.nextDouble() * (j + 1);
            }
        }
        String[] names = new String[features];
        Arrays.setAll(names, j -> "f" + j);
        return Dataset.of(x, null, Schema.unlabelled(List.of(names)));
    }
}
