package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.ThreadBudget;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A tree grown on one thread and on two is the same to the bit. 12,000 rows × 44 features are enough
 * for the parallel paths: feature blocks at the top nodes, subtrees as tasks below.
 */
class ThreadCountTest {

    private static Dataset data(boolean classes) {
        int rows = 12_000;
        int features = 44;
        var random = new SplittableRandom(21);
        double[][] x = new double[rows][features];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double score = 0;
            for (int j = 0; j < features; j++) {
                x[i][j] = j % 3 == 0 ? random.nextInt(20) : random.nextGaussian();
                score += j < 8 ? x[i][j] * (j + 1) : 0;
            }
            // Classes by bands of the score with 5% of them random: trees of a few thousand nodes.
            int band = (int) Math.floorMod((long) Math.floor(score / 8), 4);
            y[i] = classes ? (random.nextDouble() < 0.05 ? random.nextInt(4) : band) : Math.rint(score);
        }
        List<String> names = IntStream.range(0, features).mapToObj(j -> "x" + j).toList();
        return Dataset.of(x, y, new Schema(names, "y", classes ? List.of("a", "b", "c", "d") : List.of()));
    }

    private static ModelState fitWith(int threads, DecisionTreeParams params, Dataset data) {
        ThreadBudget.set(threads);
        return new DecisionTree(params).fit(data, RunContext.builder(7).threads(threads).build()).state();
    }

    @Test
    void treesAreTheSameForOneAndTwoThreads() {
        int before = ThreadBudget.get();
        try {
            Dataset classes = data(true);
            Dataset numbers = data(false);
            // The depth limits keep the test fast; the parallel paths run at the top of the tree.
            DecisionTreeParams[] variants = {
                DecisionTreeParams.defaults().withMaxDepth(14),
                DecisionTreeParams.defaults().withCriterion("entropy").withMaxFeatures("sqrt").withMaxDepth(14),
                DecisionTreeParams.defaults().withMinSamplesLeaf(3).withMaxFeatures("0.5").withMaxDepth(14),
            };
            for (DecisionTreeParams params : variants) {
                ModelState one = fitWith(1, params, classes);
                ModelState two = fitWith(2, params, classes);
                assertThat(Integer.parseInt(one.attribute("nodes"))).as(params + " nodes").isGreaterThan(1000);
                RandomForestTest.assertSameState(one, two);
            }
            DecisionTreeParams regression = DecisionTreeParams.defaults().withMaxDepth(14);
            RandomForestTest.assertSameState(fitWith(1, regression, numbers), fitWith(2, regression, numbers));
        } finally {
            ThreadBudget.set(before);
        }
    }
}
