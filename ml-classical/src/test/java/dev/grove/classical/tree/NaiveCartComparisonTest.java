package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fast tree grower against {@link NaiveCart}, an independent plain implementation of the same
 * definition, on random data with many tied values and a constant feature: the same splits (feature
 * and exact threshold) in the same preorder, and the same leaf values. 5,000 rows are enough for the
 * grower to hand subtrees to parallel tasks.
 */
class NaiveCartComparisonTest {

    private static final int ROWS = 5000;

    /** Features: four with 1–30 distinct whole values, one continuous, one constant. */
    private static double[][] features(SplittableRandom random, int rows) {
        double[][] x = new double[rows][6];
        for (double[] row : x) {
            row[0] = random.nextInt(3);
            row[1] = random.nextInt(10);
            row[2] = random.nextInt(30) - 15;
            row[3] = random.nextInt(2) * 0.5;
            row[4] = random.nextGaussian();
            row[5] = 7;
        }
        return x;
    }

    private static Schema schema(List<String> classes) {
        return new Schema(IntStream.range(0, 6).mapToObj(j -> "f" + j).toList(), "y", classes);
    }

    @Test
    void giniTreesAreTheNaiveOnes() {
        var random = new SplittableRandom(11);
        double[][] x = features(random, ROWS);
        int[] labels = new int[ROWS];
        double[] y = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            // A rule on the features plus 20% noise: deep trees with many equally good candidate splits.
            labels[i] = random.nextDouble() < 0.2 ? random.nextInt(3)
                    : (int) ((x[i][0] + (x[i][1] > 4 ? 1 : 0) + (x[i][4] > 0.3 ? 1 : 0)) % 3);
            y[i] = labels[i];
        }
        Dataset data = Dataset.of(x, y, schema(List.of("a", "b", "c")));
        int[][] settings = {{0, 1}, {6, 1}, {0, 3}};
        for (int[] s : settings) {
            var params = DecisionTreeParams.defaults().withMaxDepth(s[0]).withMinSamplesLeaf(s[1]);
            ModelState state = new DecisionTree(params).fit(data, RunContext.withSeed(0)).state();
            NaiveCart naive = NaiveCart.gini(x, labels, 3, s[0] == 0 ? Integer.MAX_VALUE : s[0], s[1]);
            assertSameTree("max-depth " + s[0] + ", min-samples-leaf " + s[1], state, naive, 3);
        }
    }

    @Test
    void squaredErrorTreesAreTheNaiveOnes() {
        var random = new SplittableRandom(12);
        int rows = 3000;
        double[][] x = features(random, rows);
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            // Whole-number targets: every sum is exact, so both implementations see the same proxies.
            y[i] = Math.round(10 * x[i][0] + 3 * x[i][1] * x[i][3] + 5 * x[i][4] + 4 * random.nextGaussian());
        }
        Dataset data = Dataset.of(x, y, schema(List.of()));
        for (int minLeaf : new int[] {1, 5}) {
            var params = DecisionTreeParams.defaults().withMinSamplesLeaf(minLeaf);
            ModelState state = new DecisionTree(params).fit(data, RunContext.withSeed(0)).state();
            assertSameTree("min-samples-leaf " + minLeaf, state, NaiveCart.squaredError(x, y, Integer.MAX_VALUE, minLeaf), 1);
        }
    }

    private static void assertSameTree(String what, ModelState state, NaiveCart naive, int outputs) {
        double[] feature = state.doubles("feature");
        double[] threshold = state.doubles("threshold");
        double[] value = state.doubles("value");
        assertThat(feature.length).as(what + ": nodes").isEqualTo(naive.feature.size());
        assertThat(naive.feature.size()).as(what + ": a tree worth comparing").isGreaterThan(50);
        for (int node = 0; node < feature.length; node++) {
            assertThat((int) feature[node]).as(what + ": feature of node " + node).isEqualTo(naive.feature.get(node));
            if (feature[node] >= 0) {
                assertThat(threshold[node]).as(what + ": threshold of node " + node).isEqualTo(naive.threshold.get(node));
            }
            for (int o = 0; o < outputs; o++) {
                assertThat(value[node * outputs + o]).as(what + ": value of node " + node)
                        .isCloseTo(naive.value.get(node)[o], offset(1e-9));
            }
        }
    }
}
