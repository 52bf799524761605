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
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MiniBatchKMeansTest {

    private static final RunContext CONTEXT = RunContext.withSeed(0);
    private static final Dataset DIGITS = CsvData.read("digits");

    private static double[][] sortedRows(double[][] rows) {
        double[][] copy = rows.clone();
        Arrays.sort(copy, Comparator.<double[]>comparingDouble(r -> r[0]).thenComparingDouble(r -> r[1]));
        return copy;
    }

    @Test
    void digitsInertiaIsInScikitLearnsRange() {
        // MiniBatchKMeans(10, n_init=3, random_state=s).fit(digits).inertia_ for s = 0..9 (scikit-learn 1.2.1):
        // 1170548 … 1251010, median 1197157.
        MiniBatchKMeans estimator = new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(10));
        double[] inertias = new double[5];
        for (int seed = 0; seed < 5; seed++) {
            inertias[seed] = estimator.fit(DIGITS, RunContext.withSeed(seed)).inertia();
            assertThat(inertias[seed]).as("seed " + seed).isLessThanOrEqualTo(1251010);
        }
        Arrays.sort(inertias);
        assertThat(inertias[2]).isLessThanOrEqualTo(1.01 * 1197157);
    }

    @Test
    void findsSeparatedGroupsAndCountsEveryAbsorbedRow() {
        // Batches of 4 drawn from Blobs.crosses (groups around (0, 0), (10, 0), (0, 10)); both early stops off,
        // so it takes max-iter · 12 / 4 = 150 steps. Each centre is the running mean of its group's sampled
        // rows: within ~0.1 of the group mean after ~200 rows each (the rows' spread is 0.7).
        MiniBatchKMeansParams params = MiniBatchKMeansParams.defaults().withK(3).withBatchSize(4).withMaxIter(50)
                .withMaxNoImprovement(0);
        MiniBatchKMeansModel model = new MiniBatchKMeans(params).fit(Blobs.crosses(), CONTEXT);
        assertThat(model.nSteps()).isEqualTo(150);
        assertThat(model.nIter()).isEqualTo(50);
        double[][] centres = sortedRows(model.centers());
        double[][] expected = {{0, 0}, {0, 10}, {10, 0}};
        for (int c = 0; c < 3; c++) {
            assertThat(centres[c]).containsExactly(expected[c], offset(0.25));
        }
        assertThat(Arrays.stream(model.counts()).sum()).isEqualTo(150 * 4);
        int[] labels = model.predict(Blobs.crosses());
        assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(3);
    }

    @Test
    void partialFitsOfWholeGroupsGiveTheirExactMeans() {
        // Each update sees every row once, so each centre becomes the mean of all rows it absorbed: its group's.
        MiniBatchKMeans estimator = new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(3));
        MiniBatchKMeansModel model = null;
        for (int batch = 0; batch < 6; batch++) {
            model = estimator.partialFit(model, Blobs.crosses(), RunContext.withSeed(batch));
            assertThat(model.nSteps()).isEqualTo(batch + 1);
            double[][] centres = sortedRows(model.centers());
            assertThat(centres).isDeepEqualTo(new double[][] {{0, 0}, {0, 10}, {10, 0}});
            assertThat(model.counts()).containsExactly(4.0 * (batch + 1), 4.0 * (batch + 1), 4.0 * (batch + 1));
            assertThat(model.inertia()).isEqualTo(12);
        }
    }

    @Test
    void aRestoredModelContinuesExactlyAsTheOriginal() {
        MiniBatchKMeansParams params = MiniBatchKMeansParams.defaults().withK(10).withBatchSize(200);
        Updates updates = new Updates(params);
        MiniBatchKMeansModel model = new MiniBatchKMeans(params).fit(DIGITS, CONTEXT);
        ModelState state = model.state();
        assertThat(state.shape("centers")).containsExactly(10, 64);
        assertThat(state.shape("counts")).containsExactly(10);
        assertThat(state.attributes()).containsKeys("inertia", "n-iter", "n-steps", "samples-since-reassignment");
        MiniBatchKMeansModel restored = MiniBatchKMeansModel.restore(params, DIGITS.schema(), state);
        assertThat(restored.predict(DIGITS)).isEqualTo(model.predict(DIGITS));
        Dataset batch = DIGITS.view(IntStream.range(0, 300).toArray());
        MiniBatchKMeansModel next = updates.apply(model, batch);
        MiniBatchKMeansModel nextRestored = updates.apply(restored, batch);
        assertThat(nextRestored.centers()).isDeepEqualTo(next.centers());
        assertThat(nextRestored.counts()).isEqualTo(next.counts());
        assertThat(nextRestored.nSteps()).isEqualTo(model.nSteps() + 1);

        ModelState negative = ModelState.builder().put("centers", new double[4], 2, 2).put("counts", new double[] {1, -1}, 2)
                .attribute("inertia", "0").attribute("n-iter", "0").attribute("n-steps", "0")
                .attribute("samples-since-reassignment", "0").build();
        assertThatThrownBy(() -> MiniBatchKMeansModel.restore(params.withK(2), Schema.unlabelled(List.of("a", "b")), negative))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'counts' holds -1.0 for centre 1");
    }

    /** One more batch through partialFit, always with the same context. */
    private record Updates(MiniBatchKMeansParams params) {
        MiniBatchKMeansModel apply(MiniBatchKMeansModel previous, Dataset batch) {
            return new MiniBatchKMeans(params).partialFit(previous, batch, RunContext.withSeed(9));
        }
    }

    @Test
    void aStarvedCentreMovesToARowOfTheBatch() {
        // Centres (0, 0), (10, 0) and far-away (100, 100), which absorbs nothing: with reassignment due, its
        // count 0 is below 0.01 × the largest, so it moves onto one of the batch rows and takes the smaller
        // of the other counts.
        MiniBatchState state = new MiniBatchState(3, 2, new double[] {0, 0, 10, 0, 100, 100}, new double[] {5, 7, 0}, 0);
        double[] batch = {1, 0, -1, 0, 9, 0, 11, 0};
        assertThat(state.dueForReassignment(4)).isTrue();
        double inertia = state.step(batch, 4, new Rng(1), 0.01);
        assertThat(inertia).isEqualTo(4);
        // Centre 0: (5 · (0, 0) + (1, 0) + (−1, 0)) / 7; centre 1 likewise.
        assertThat(state.centres[0]).isEqualTo(0);
        assertThat(state.centres[2]).isEqualTo(10);
        assertThat(state.counts[0]).isEqualTo(7);
        assertThat(state.counts[1]).isEqualTo(9);
        assertThat(state.centres[4]).isIn(1.0, -1.0, 9.0, 11.0);
        assertThat(state.centres[5]).isZero();
        assertThat(state.counts[2]).isEqualTo(7);
    }

    @Test
    void earlyStoppingEndsBeforeTheLastStep() {
        MiniBatchKMeansParams params = MiniBatchKMeansParams.defaults().withK(10).withBatchSize(100).withMaxIter(20);
        MiniBatchKMeansModel full = new MiniBatchKMeans(params.withMaxNoImprovement(0)).fit(DIGITS, CONTEXT);
        assertThat(full.nSteps()).isEqualTo(20 * 1797 / 100);
        MiniBatchKMeansModel patient = new MiniBatchKMeans(params).fit(DIGITS, CONTEXT);
        assertThat(patient.nSteps()).isLessThan(full.nSteps());
        MiniBatchKMeansModel tolerant = new MiniBatchKMeans(params.withMaxNoImprovement(0).withTol(1)).fit(DIGITS, CONTEXT);
        assertThat(tolerant.nSteps()).isLessThan(full.nSteps());
    }

    @Test
    void theThreadBudgetDoesNotChangeTheModel() {
        MiniBatchKMeans estimator = new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(10));
        MiniBatchKMeansModel one = Budgets.withThreads(1, 4, context -> estimator.fit(DIGITS, context));
        MiniBatchKMeansModel two = Budgets.withThreads(2, 4, context -> estimator.fit(DIGITS, context));
        assertThat(two.centers()).isDeepEqualTo(one.centers());
        assertThat(two.inertia()).isEqualTo(one.inertia());
    }

    @Test
    void badInputIsRejectedWithWhatAndWhere() {
        MiniBatchKMeans estimator = new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(3));
        Dataset two = Blobs.of(new double[][] {{0, 0}, {1, 1}});
        assertThatThrownBy(() -> estimator.fit(two, CONTEXT))
                .hasMessage("mini-batch-kmeans: k is 3 but the data has only 2 rows; k must be at most the number of rows");
        assertThatThrownBy(() -> estimator.partialFit(null, two, CONTEXT)).hasMessageContaining("k is 3 but the data has only 2 rows");
        MiniBatchKMeansModel model = estimator.partialFit(null, Blobs.crosses(), CONTEXT);
        Dataset other = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("x0", "y")));
        assertThatThrownBy(() -> estimator.partialFit(model, other, CONTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 2 is 'y'");
        Dataset empty = Dataset.of(new double[0][], null, Schema.unlabelled(List.of("x0", "x1")));
        assertThatThrownBy(() -> estimator.partialFit(model, empty, CONTEXT)).hasMessageContaining("at least one row");
        Dataset nan = Blobs.of(new double[][] {{1, Double.NaN}});
        assertThatThrownBy(() -> estimator.partialFit(model, nan, CONTEXT)).hasMessageContaining("feature 'x1' of row 0 is NaN");
        assertThatThrownBy(() -> new MiniBatchKMeans(MiniBatchKMeansParams.defaults().withK(4)).partialFit(model,
                Blobs.crosses(), CONTEXT)).hasMessageContaining("cannot update a model of 3 clusters with k = 4");
    }

    @Test
    void paramsAreValidatedByName() {
        MiniBatchKMeansParams d = MiniBatchKMeansParams.defaults();
        assertThat(d).isEqualTo(new MiniBatchKMeansParams(8, "k-means++", 3, 1024, 100, 0.0, 10, 0.01));
        assertThatThrownBy(() -> d.withBatchSize(0)).hasMessage("batch-size must be >= 1, got 0");
        assertThatThrownBy(() -> d.withMaxNoImprovement(-1)).hasMessage("max-no-improvement must be >= 0, got -1");
        assertThatThrownBy(() -> d.withReassignmentRatio(2)).hasMessage("reassignment-ratio must be <= 1, got 2");
        assertThatThrownBy(() -> d.withK(0)).hasMessage("k must be >= 1, got 0");
    }
}
