package dev.grove.api.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Regressor;
import dev.grove.api.run.RunContext;
import dev.grove.api.source.CsvParams;
import dev.grove.api.source.CsvSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Metric objects: when each applies, and that it computes what {@link Metrics} does on the input. */
class StandardMetricsTest {

    private static final Schema THREE_CLASSES = new Schema(List.of("x"), "y", List.of("a", "b", "c"));
    private static final Schema TWO_CLASSES = new Schema(List.of("x"), "y", List.of("neg", "pos"));
    private static final Schema REGRESSION = new Schema(List.of("x"), "y", List.of());
    private static final Schema UNLABELLED = Schema.unlabelled(List.of("x"));

    private static Dataset data(Schema schema, double[] x, double[] y) {
        return Dataset.ofFlat(x.clone(), y == null ? null : y.clone(), schema);
    }

    private static MetricInput classInput(double[][] probabilities) {
        double[] truth = {0, 1, 2, 0, 1, 2};
        return new MetricInput(data(THREE_CLASSES, new double[6], truth), truth, new double[] {0, 2, 1, 0, 0, 1},
                probabilities, null);
    }

    @Test
    void classMetricsApplyToClassPredictionsAndComputeTheirScores() {
        MetricInput in = classInput(null);
        assertThat(StandardMetrics.accuracy().appliesTo(in)).isTrue();
        assertThat(scalar(StandardMetrics.accuracy(), in)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(scalar(StandardMetrics.f1Macro(), in)).isCloseTo(0.26666666666666666, within(1e-12));
        assertThat(scalar(StandardMetrics.precisionMacro(), in)).isCloseTo(2.0 / 9, within(1e-12));
        assertThat(scalar(StandardMetrics.recallWeighted(), in)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void confusionMatrixCarriesTheClassLabels() {
        MetricValue value = StandardMetrics.confusionMatrix().compute(classInput(null));
        assertThat(value).isInstanceOf(MetricValue.Matrix.class);
        MetricValue.Matrix m = (MetricValue.Matrix) value;
        assertThat(m.labels()).containsExactly("a", "b", "c");
        assertThat(m.values()).isDeepEqualTo(new double[][] {{2, 0, 0}, {1, 0, 1}, {0, 2, 0}});
    }

    @Test
    void classMetricsDoNotApplyWithoutTruthToRegressionOrToClusterIds() {
        double[] predictions = {0, 1, 2, 0, 1, 2};
        MetricInput noTruth = new MetricInput(data(THREE_CLASSES, new double[6], null), null, predictions, null, null);
        assertThat(StandardMetrics.accuracy().appliesTo(noTruth)).isFalse();
        MetricInput regression = new MetricInput(data(REGRESSION, new double[6], predictions), predictions, predictions,
                null, null);
        assertThat(StandardMetrics.accuracy().appliesTo(regression)).isFalse();
        assertThat(StandardMetrics.confusionMatrix().appliesTo(regression)).isFalse();
        MetricInput clustered = new MetricInput(data(THREE_CLASSES, new double[6], predictions), predictions, predictions,
                null, new FixedClusterer(THREE_CLASSES));
        assertThat(StandardMetrics.accuracy().appliesTo(clustered)).isFalse();
        MetricInput outOfRange = new MetricInput(data(THREE_CLASSES, new double[6], predictions), predictions,
                new double[] {0, 1, 2, 3, 1, 2}, null, null);
        assertThat(StandardMetrics.f1Macro().appliesTo(outOfRange)).isFalse();
    }

    @Test
    void logLossNeedsProbabilities() {
        assertThat(StandardMetrics.logLoss().appliesTo(classInput(null))).isFalse();
        double[][] p = new double[6][];
        for (int i = 0; i < 6; i++) {
            p[i] = new double[] {0.5, 0.25, 0.25};
        }
        MetricInput in = classInput(p);
        assertThat(StandardMetrics.logLoss().appliesTo(in)).isTrue();
        // True classes 0,1,2,0,1,2 get 0.5, 0.25, 0.25, 0.5, 0.25, 0.25.
        double expected = -(2 * Math.log(0.5) + 4 * Math.log(0.25)) / 6;
        assertThat(scalar(StandardMetrics.logLoss(), in)).isCloseTo(expected, within(1e-12));
        double[][] wrongWidth = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        assertThat(StandardMetrics.logLoss().appliesTo(classInput(wrongWidth))).isFalse();
    }

    @Test
    void perplexityOfAUniformGuessAmongThreeIsThreeAndOfASureRightGuessIsOne() {
        double[][] uniform = new double[6][];
        double[][] sure = new double[6][];
        for (int i = 0; i < 6; i++) {
            uniform[i] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
            sure[i] = new double[3];
            sure[i][i % 3] = 1;
        }
        assertThat(StandardMetrics.perplexity().appliesTo(classInput(null))).isFalse();
        assertThat(scalar(StandardMetrics.perplexity(), classInput(uniform))).isCloseTo(3, within(1e-12));
        assertThat(scalar(StandardMetrics.perplexity(), classInput(sure))).isCloseTo(1, within(1e-12));
        assertThat(StandardMetrics.perplexity().higherIsBetter()).isFalse();
    }

    @Test
    void rocAucAppliesOnlyToTwoClassProblemsWithBothClassesPresent() {
        double[][] three = new double[6][];
        for (int i = 0; i < 6; i++) {
            three[i] = new double[] {0.2, 0.3, 0.5};
        }
        assertThat(StandardMetrics.rocAuc().appliesTo(classInput(three))).isFalse();

        double[] truth = {0, 0, 1, 1};
        double[][] p = {{0.9, 0.1}, {0.6, 0.4}, {0.65, 0.35}, {0.2, 0.8}};
        MetricInput binary = new MetricInput(data(TWO_CLASSES, new double[4], truth), truth, new double[] {0, 0, 0, 1}, p, null);
        assertThat(StandardMetrics.rocAuc().appliesTo(binary)).isTrue();
        assertThat(scalar(StandardMetrics.rocAuc(), binary)).isCloseTo(0.75, within(1e-12));
        assertThat(StandardMetrics.rocAuc().appliesTo(new MetricInput(binary.data(), truth, binary.predictions(), null, null)))
                .isFalse();

        double[] oneClass = {1, 1, 1, 1};
        MetricInput single = new MetricInput(data(TWO_CLASSES, new double[4], oneClass), oneClass, oneClass, p, null);
        assertThat(StandardMetrics.rocAuc().appliesTo(single)).isFalse();
    }

    @Test
    void regressionMetricsApplyOnlyToNumericTargets() {
        double[] truth = {3, -0.5, 2, 7};
        double[] predicted = {2.5, 0.0, 2, 8};
        MetricInput in = new MetricInput(data(REGRESSION, new double[4], truth), truth, predicted, null, new FixedRegressor());
        assertThat(StandardMetrics.r2().appliesTo(in)).isTrue();
        assertThat(scalar(StandardMetrics.r2(), in)).isCloseTo(0.9486081370449679, within(1e-12));
        assertThat(scalar(StandardMetrics.mse(), in)).isCloseTo(0.375, within(1e-12));
        assertThat(scalar(StandardMetrics.rmse(), in)).isCloseTo(Math.sqrt(0.375), within(1e-12));
        assertThat(scalar(StandardMetrics.mae(), in)).isCloseTo(0.5, within(1e-12));
        assertThat(StandardMetrics.r2().appliesTo(classInput(null))).isFalse();
        assertThat(StandardMetrics.mse().appliesTo(new MetricInput(in.data(), null, predicted, null, null))).isFalse();
    }

    @Test
    void clusterMetricsNeedClusterIdsAndEnoughClusters() {
        double[] x = {0, 1, 4, 5};
        Dataset d = data(UNLABELLED, x, null);
        MetricInput two = new MetricInput(d, null, new double[] {0, 0, 1, 1}, null, new FixedClusterer(UNLABELLED));
        assertThat(StandardMetrics.silhouette().appliesTo(two)).isTrue();
        assertThat(scalar(StandardMetrics.silhouette(), two)).isCloseTo((7.0 / 9 + 5.0 / 7) / 2, within(1e-12));
        assertThat(scalar(StandardMetrics.inertia(), two)).isCloseTo(1.0, within(1e-12));

        MetricInput one = new MetricInput(d, null, new double[] {0, 0, 0, 0}, null, null);
        assertThat(StandardMetrics.silhouette().appliesTo(one)).isFalse();
        assertThat(StandardMetrics.inertia().appliesTo(one)).isTrue();

        MetricInput values = new MetricInput(d, null, new double[] {0.5, 0, 1, 1}, null, null);
        assertThat(StandardMetrics.silhouette().appliesTo(values)).isFalse();
        assertThat(StandardMetrics.inertia().appliesTo(values)).isFalse();
        MetricInput none = new MetricInput(d, null, null, null, null);
        assertThat(StandardMetrics.inertia().appliesTo(none)).isFalse();
    }

    @Test
    void silhouetteOfIrisSpeciesMatchesScikitLearn() {
        Dataset iris = new CsvSource(CsvParams.of("../datasets/iris.csv", "species")).load(RunContext.withSeed(1)).data();
        double[] labels = iris.targets();
        MetricInput in = new MetricInput(iris, labels, labels, null, null);
        // sklearn.metrics.silhouette_score(X, y) on iris with the species as clusters, scikit-learn 1.2.1.
        assertThat(scalar(StandardMetrics.silhouette(), in)).isCloseTo(0.5034774406932961, within(1e-12));
    }

    private static double scalar(Metric metric, MetricInput in) {
        return ((MetricValue.Scalar) metric.compute(in)).value();
    }

    /** A clusterer whose predictions the test supplies directly; only its type matters. */
    private record FixedClusterer(Schema schema) implements Clusterer {
        @Override
        public int[] predict(Dataset data) {
            return new int[data.rows()];
        }

        @Override
        public int clusterCount() {
            return 1;
        }

        @Override
        public ModelState state() {
            return ModelState.builder().build();
        }
    }

    /** A regressor whose predictions the test supplies directly; only its type matters. */
    private record FixedRegressor() implements Regressor {
        @Override
        public double[] predict(Dataset data) {
            return new double[data.rows()];
        }

        @Override
        public Schema schema() {
            return REGRESSION;
        }

        @Override
        public ModelState state() {
            return ModelState.builder().build();
        }
    }

    @Test
    void errorsAndSpreadsAreBetterSmallScoresBetterLarge() {
        for (Metric lower : List.of(StandardMetrics.logLoss(), StandardMetrics.mse(), StandardMetrics.rmse(),
                StandardMetrics.mae(), StandardMetrics.inertia())) {
            assertThat(lower.higherIsBetter()).as(lower.getClass().getSimpleName()).isFalse();
        }
        for (Metric higher : List.of(StandardMetrics.accuracy(), StandardMetrics.f1Macro(), StandardMetrics.rocAuc(),
                StandardMetrics.r2(), StandardMetrics.silhouette())) {
            assertThat(higher.higherIsBetter()).as(higher.getClass().getSimpleName()).isTrue();
        }
    }
}
