package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.Rng;
import dev.grove.tensor.ThreadBudget;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A random forest, as scikit-learn's {@code RandomForestClassifier}/{@code RandomForestRegressor}:
 * trees grown like {@link DecisionTree}'s, each on its own bootstrap sample and examining a random
 * subset of the features at every split, averaged (class probabilities or values). Gives a
 * {@link RandomForestClassifierModel} for class targets, a {@link RandomForestRegressorModel} for
 * numeric ones.
 *
 * <p>Tree i draws its sample and features from the context's stream {@code tree-i} alone, and the
 * trees are grown in parallel (one task each) on presorted features shared by all, so the forest is
 * the same for any thread budget. With bootstrap the model carries the out-of-bag score: the accuracy
 * (or R²) of predicting each row by the trees that did not see it, over the rows that at least one
 * tree left out. Each finished tree reports progress; the history gets each tree's node count and depth.
 */
public final class RandomForest implements Estimator<RandomForestModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "random-forest";

    private final RandomForestParams params;

    /** An estimator with {@code params}. */
    public RandomForest(RandomForestParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public RandomForestParams params() {
        return params;
    }

    /**
     * Fits a forest on {@code data}: class or numeric targets, finite features, at least one row.
     *
     * @throws IllegalArgumentException if the data does not meet those needs or the params do not fit it
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public RandomForestModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        Criterion criterion = Criterion.resolve(NAME, params.criterion(), data.schema());
        TreeData input = TreeData.of(NAME, data, criterion);
        boolean parallel = context.threads() > 1;
        var settings = GrowthSettings.of(criterion, params.maxDepth(), params.minSamplesSplit(), params.minSamplesLeaf(),
                MaxFeatures.resolve(NAME, params.maxFeatures(), input.features(), input.forClasses()), false);
        SortedColumns sorted = SortedColumns.sort(input.x(), input.rows(), input.features(), parallel);
        int count = params.trees();
        FlatTree[] trees = new FlatTree[count];
        long[][] inBag = params.bootstrap() ? new long[count][] : null;
        var finished = new AtomicInteger();
        var progressLock = new Object();
        IntConsumer growTree = i -> {
            context.checkCancelled();
            Rng rng = context.rng("tree-" + i);
            TreeGrower grower;
            if (params.bootstrap()) {
                BootstrapSample sample = BootstrapSample.draw(input.rows(), rng);
                inBag[i] = sample.inBag();
                grower = new TreeGrower(sorted, sample.localRow, sample.kept,
                        input.forClasses() ? sample.keep(input.labels()) : null,
                        input.forClasses() ? null : sample.keep(input.targets()), input.classes(), sample.weights, settings,
                        context::checkCancelled);
            } else {
                grower = new TreeGrower(sorted, null, input.rows(), input.labels(), input.targets(), input.classes(), null,
                        settings, context::checkCancelled);
            }
            trees[i] = grower.grow(rng);
            synchronized (progressLock) {
                context.progress().update(NAME, finished.incrementAndGet(), count,
                        "tree " + (i + 1) + ": " + trees[i].nodeCount() + " nodes");
            }
        };
        if (parallel) {
            ThreadBudget.parallelFor(count, growTree);
        } else {
            for (int i = 0; i < count; i++) {
                growTree.accept(i);
            }
        }
        for (int i = 0; i < count; i++) {
            context.recordHistory(i + 1, Map.of("nodes", (double) trees[i].nodeCount(), "depth", (double) trees[i].depth()));
        }
        double oobScore = inBag == null ? Double.NaN : OutOfBag.score(trees, inBag, input);
        return input.forClasses()
                ? new RandomForestClassifierModel(data.schema(), criterion, trees, oobScore)
                : new RandomForestRegressorModel(data.schema(), trees, oobScore);
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
