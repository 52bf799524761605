package dev.grove.classical.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final Dataset DIGITS = CsvData.read("digits");
    private static final Dataset IRIS = CsvData.read("iris");

    private static KMeansModel fit(KMeansParams params, Dataset data) {
        return new KMeans(params).fit(data, CONTEXT);
    }

    private static double[][] sortedRows(double[][] rows) {
        double[][] copy = rows.clone();
        Arrays.sort(copy, Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
        return copy;
    }

    @Test
    void findsTheCentresOfSeparatedGroups() {
        // Blobs.crosses: groups around (0, 0), (10, 0), (0, 10); the optimum has inertia exactly 12.
        for (String init : List.of("k-means++", "random")) {
            for (String algorithm : List.of("lloyd", "elkan")) {
                KMeansModel model = fit(KMeansParams.defaults().withK(3).withInit(init).withAlgorithm(algorithm),
                        Blobs.crosses());
                double[][] centres = sortedRows(model.centers());
                double[][] expected = {{0, 0}, {0, 10}, {10, 0}};
                for (int c = 0; c < 3; c++) {
                    assertThat(centres[c][0]).as(init + "/" + algorithm).isCloseTo(expected[c][0], offset(1e-12));
                    assertThat(centres[c][1]).as(init + "/" + algorithm).isCloseTo(expected[c][1], offset(1e-12));
                }
                assertThat(model.inertia()).as(init + "/" + algorithm).isCloseTo(12, offset(1e-9));
                int[] labels = model.predict(Blobs.crosses());
                for (int g = 0; g < 3; g++) {
                    for (int p = 1; p < 4; p++) {
                        assertThat(labels[g * 4 + p]).isEqualTo(labels[g * 4]);
                    }
                }
                assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(3);
            }
        }
    }

    @Test
    void predictsTheNearestCentreAndTransformsToDistances() {
        KMeansModel model = fit(KMeansParams.defaults().withK(3), Blobs.crosses());
        Dataset probe = Blobs.of(new double[][] {{9, 1}, {-2, 7}, {3, 4}});
        int[] labels = model.predict(probe);
        double[][] centres = model.centers();
        // (9, 1) is nearest (10, 0); (−2, 7) nearest (0, 10); (3, 4): 25 to (0, 0), 50 to (10, 0), 45 to (0, 10).
        assertThat(centres[labels[0]][0]).isCloseTo(10, offset(1e-12));
        assertThat(centres[labels[1]][1]).isCloseTo(10, offset(1e-12));
        assertThat(centres[labels[2]][0]).isCloseTo(0, offset(1e-12));
        assertThat(centres[labels[2]][1]).isCloseTo(0, offset(1e-12));
        Dataset distances = model.transform(probe);
        assertThat(distances.schema().featureNames()).containsExactly("distance-0", "distance-1", "distance-2");
        assertThat(distances.feature(2, labels[2])).isCloseTo(5, offset(1e-12));
        // Inertia of the probe: 2 + 13 + 25.
        assertThat(model.inertia(probe)).isCloseTo(40, offset(1e-9));
    }

    @Test
    void inertiaIsTheSumOfSquaredDistancesToTheChosenCentres() {
        KMeansModel model = fit(KMeansParams.defaults().withK(4).withNInit(3), IRIS);
        int[] labels = model.predict(IRIS);
        double[][] centres = model.centers();
        double naive = 0;
        for (int i = 0; i < IRIS.rows(); i++) {
            for (int j = 0; j < IRIS.featureCount(); j++) {
                double diff = IRIS.feature(i, j) - centres[labels[i]][j];
                naive += diff * diff;
            }
        }
        assertThat(model.inertia()).isCloseTo(naive, offset(1e-9 * naive));
        // A centre is the mean of its rows once Lloyd's iterations have converged.
        for (int c = 0; c < 4; c++) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < IRIS.rows(); i++) {
                if (labels[i] == c) {
                    sum += IRIS.feature(i, 0);
                    count++;
                }
            }
            assertThat(centres[c][0]).isCloseTo(sum / count, offset(1e-9));
        }
    }

    @Test
    void anEmptiedCentreIsReseededWithTheFarthestRow() {
        // Rows (−3, 0), (−1, 0), (1, 0), (3, 0) have mean 0, so centring leaves them as they are.
        // With centres (0, 0) and (100, 100) every row goes to centre 0 and centre 1 is empty; the
        // farthest rows from (0, 0) are (−3, 0) and (3, 0) at squared distance 9, and the first wins.
        // Centre 1 becomes (−3, 0), centre 0 the mean of the other three rows, (1, 0).
        CentredData data = CentredData.of(new double[] {-3, 0, -1, 0, 1, 0, 3, 0}, 2, false);
        double[] centres = {0, 0, 100, 100};
        CentreSums sums = new CentreSums(data, 2);
        LloydAssignment assignment = new LloydAssignment(data, 2, sums, false);
        assertThat(assignment.assign(centres, true)).isEqualTo(4);
        assertThat(assignment.labels()).containsExactly(0, 0, 0, 0);
        double[] next = new double[4];
        assertThat(sums.update(centres, assignment.labels(), next, false)).isTrue();
        assertThat(next).containsExactly(1, 0, -3, 0);
    }

    @Test
    void repeatedRowsNeverLeaveANanCentre() {
        // Four copies of one point and one other: three clusters over two distinct points force an
        // empty (or duplicate) centre, which must be re-seeded rather than become NaN.
        Dataset data = Blobs.of(new double[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}, {5, 5}});
        for (String algorithm : List.of("lloyd", "elkan")) {
            for (String init : List.of("k-means++", "random")) {
                KMeansModel model = fit(KMeansParams.defaults().withK(3).withAlgorithm(algorithm).withInit(init), data);
                for (double[] centre : model.centers()) {
                    assertThat(Arrays.stream(centre).allMatch(Double::isFinite)).as(Arrays.toString(centre)).isTrue();
                }
                assertThat(model.inertia()).isCloseTo(0, offset(1e-12));
            }
        }
    }

    @Test
    void lloydAndElkanGiveTheSameClustering() {
        Dataset blobs = Blobs.gaussian(new double[][] {{0, 0, 0}, {4, 0, 1}, {0, 5, -2}, {3, 3, 3}, {-4, 2, 0}, {1, -4, 2}},
                400, 1.0, 7);
        for (Dataset data : List.of(IRIS, blobs)) {
            for (int k : new int[] {2, 3, 6}) {
                KMeansParams params = KMeansParams.defaults().withK(k).withNInit(3);
                KMeansModel lloyd = fit(params, data);
                KMeansModel elkan = fit(params.withAlgorithm("elkan"), data);
                assertThat(elkan.centers()).as("k = " + k).isDeepEqualTo(lloyd.centers());
                assertThat(elkan.inertia()).isEqualTo(lloyd.inertia());
                assertThat(elkan.nIter()).isEqualTo(lloyd.nIter());
            }
        }
    }

    @Test
    void theThreadBudgetDoesNotChangeTheModel() {
        // Digits: 1797 rows make 8 blocks; the runs and the blocks may run on several threads.
        for (String algorithm : List.of("lloyd", "elkan")) {
            KMeans kmeans = new KMeans(KMeansParams.defaults().withK(10).withNInit(3).withAlgorithm(algorithm));
            KMeansModel one = Budgets.withThreads(1, 3, context -> kmeans.fit(DIGITS, context));
            KMeansModel two = Budgets.withThreads(2, 3, context -> kmeans.fit(DIGITS, context));
            assertThat(two.centers()).isDeepEqualTo(one.centers());
            assertThat(two.inertia()).isEqualTo(one.inertia());
            assertThat(two.nIter()).isEqualTo(one.nIter());
        }
    }

    @Test
    void theSeedDecidesTheResult() {
        KMeans kmeans = new KMeans(KMeansParams.defaults().withK(5).withNInit(1));
        KMeansModel a = kmeans.fit(DIGITS, RunContext.withSeed(11));
        KMeansModel b = kmeans.fit(DIGITS, RunContext.withSeed(11));
        assertThat(b.centers()).isDeepEqualTo(a.centers());
    }

    @Test
    void moreRunsNeverEndWorse() {
        // The best of runs 0..3 includes run 0, which is the whole of an n-init 1 fit with the same seed.
        KMeansModel one = fit(KMeansParams.defaults().withK(10).withNInit(1), DIGITS);
        KMeansModel four = fit(KMeansParams.defaults().withK(10).withNInit(4), DIGITS);
        assertThat(four.inertia()).isLessThanOrEqualTo(one.inertia());
    }

    @Test
    void maxIterAndTolStopTheRuns() {
        KMeansModel once = fit(KMeansParams.defaults().withK(10).withNInit(1).withMaxIter(1), DIGITS);
        assertThat(once.nIter()).isEqualTo(1);
        KMeansModel loose = fit(KMeansParams.defaults().withK(10).withNInit(1).withTol(1e3), DIGITS);
        KMeansModel strict = fit(KMeansParams.defaults().withK(10).withNInit(1).withTol(0), DIGITS);
        assertThat(loose.nIter()).isLessThan(strict.nIter());
        assertThat(strict.inertia()).isLessThanOrEqualTo(loose.inertia());
    }

    @Test
    void recordsInertiaAndCentreShiftPerIteration() {
        List<String> rows = new ArrayList<>();
        List<Double> inertias = new ArrayList<>();
        RunContext context = RunContext.builder(0).history((scope, step, values) -> {
            rows.add(scope + "#" + step);
            if (scope.equals("init-0")) {
                inertias.add(values.get("inertia"));
            }
            assertThat(values).containsOnlyKeys("inertia", "center-shift");
        }).build();
        KMeansModel model = new KMeans(KMeansParams.defaults().withK(10).withNInit(2)).fit(DIGITS, context);
        assertThat(rows).contains("init-0#1", "init-1#1");
        // Lloyd's iterations never increase the inertia.
        for (int i = 1; i < inertias.size(); i++) {
            assertThat(inertias.get(i)).isLessThanOrEqualTo(inertias.get(i - 1) * (1 + 1e-12));
        }
        assertThat(model.nIter()).isPositive();
    }

    @Test
    void stateRestoresAModelThatPredictsIdentically() {
        KMeansParams params = KMeansParams.defaults().withK(3);
        KMeansModel model = fit(params, IRIS);
        ModelState state = model.state();
        assertThat(state.shape("centers")).containsExactly(3, 4);
        assertThat(state.attributes()).containsEntry("inertia", Double.toString(model.inertia()))
                .containsEntry("n-iter", Integer.toString(model.nIter()));
        KMeansModel restored = KMeansModel.restore(params, IRIS.schema(), state);
        assertThat(restored.centers()).isDeepEqualTo(model.centers());
        assertThat(restored.predict(IRIS)).isEqualTo(model.predict(IRIS));
        assertThat(restored.inertia()).isEqualTo(model.inertia());
        assertThat(restored.nIter()).isEqualTo(model.nIter());

        ModelState wrongShape = ModelState.builder().put("centers", new double[8], 2, 4)
                .attribute("inertia", "1").attribute("n-iter", "1").build();
        assertThatThrownBy(() -> KMeansModel.restore(params, IRIS.schema(), wrongShape))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'centers' has shape [2, 4], expected [3, 4]");
        ModelState nan = ModelState.builder().put("centers", new double[] {0, 0, 0, 0, 0, 0, 0, 0, Double.NaN, 0, 0, 0}, 3, 4)
                .attribute("inertia", "1").attribute("n-iter", "1").build();
        assertThatThrownBy(() -> KMeansModel.restore(params, IRIS.schema(), nan)).hasMessageContaining("'centers' holds NaN");
    }

    @Test
    void badInputIsRejectedWithWhatAndWhere() {
        KMeans kmeans = new KMeans(KMeansParams.defaults().withK(3));
        Dataset two = Blobs.of(new double[][] {{0, 0}, {1, 1}});
        assertThatThrownBy(() -> kmeans.fit(two, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kmeans: k is 3 but the data has only 2 rows; k must be at most the number of rows");
        Dataset empty = Dataset.of(new double[0][], null, Schema.unlabelled(List.of("x0", "x1")));
        assertThatThrownBy(() -> kmeans.fit(empty, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kmeans needs at least one row");
        Dataset nan = Blobs.of(new double[][] {{0, 0}, {1, 1}, {2, Double.NaN}, {3, 3}});
        assertThatThrownBy(() -> kmeans.fit(nan, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature 'x1' of row 2 is NaN");
        Dataset infinite = Blobs.of(new double[][] {{0, 0}, {1, 1}, {2, 2}, {Double.NEGATIVE_INFINITY, 3}});
        assertThatThrownBy(() -> kmeans.fit(infinite, CONTEXT)).hasMessageContaining("feature 'x0' of row 3 is -Infinity");

        KMeansModel model = kmeans.fit(IRIS, CONTEXT);
        Dataset fewer = Dataset.of(new double[][] {{1, 2, 3}}, null,
                Schema.unlabelled(IRIS.schema().featureNames().subList(0, 3)));
        assertThatThrownBy(() -> model.predict(fewer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 4").hasMessageContaining("'petal_width'");
        RunContext cancelled = RunContext.withSeed(0);
        cancelled.cancel();
        assertThatThrownBy(() -> kmeans.fit(IRIS, cancelled)).isInstanceOf(CancellationException.class);
    }

    @Test
    void aConstantFeatureIsHarmless() {
        double[][] rows = new double[12][];
        Dataset crosses = Blobs.crosses();
        for (int i = 0; i < 12; i++) {
            rows[i] = new double[] {crosses.feature(i, 0), 7, crosses.feature(i, 1)};
        }
        KMeansModel model = fit(KMeansParams.defaults().withK(3), Blobs.of(rows));
        for (double[] centre : model.centers()) {
            assertThat(centre[1]).isEqualTo(7);
        }
        assertThat(model.inertia()).isCloseTo(12, offset(1e-9));
    }

    @Test
    void paramsAreValidatedByName() {
        KMeansParams d = KMeansParams.defaults();
        assertThat(d).isEqualTo(new KMeansParams(8, "k-means++", 10, 300, 1e-4, "lloyd"));
        assertThatThrownBy(() -> d.withK(0)).isInstanceOf(IllegalArgumentException.class).hasMessage("k must be >= 1, got 0");
        assertThatThrownBy(() -> d.withNInit(0)).hasMessage("n-init must be >= 1, got 0");
        assertThatThrownBy(() -> d.withMaxIter(0)).hasMessage("max-iter must be >= 1, got 0");
        assertThatThrownBy(() -> d.withTol(-1)).hasMessage("tol must be >= 0, got -1");
        assertThatThrownBy(() -> d.withInit("kmeans++")).hasMessage("init must be one of k-means++, random, got 'kmeans++'");
        assertThatThrownBy(() -> d.withAlgorithm("auto")).hasMessage("algorithm must be one of lloyd, elkan, got 'auto'");
    }
}
