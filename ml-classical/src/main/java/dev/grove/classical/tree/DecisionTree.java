package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Objects;

/**
 * A CART decision tree, as scikit-learn's {@code DecisionTreeClassifier}/{@code DecisionTreeRegressor}
 * with the best splitter: a {@link DecisionTreeClassifierModel} for class targets, a
 * {@link DecisionTreeRegressorModel} for numeric ones. Thresholds lie midway between consecutive
 * distinct values; of equally good splits the lowest feature index and then the lowest threshold
 * wins (scikit-learn breaks such ties by a random feature order instead, so on data with tied splits
 * the two may pick different but equally good trees).
 *
 * <pre>{@code
 * var model = new DecisionTree(DecisionTreeParams.defaults().withMaxDepth(3)).fit(data, RunContext.withSeed(0));
 * System.out.print(model.toText());
 * }</pre>
 *
 * <p>With every feature examined the tree draws no random numbers; with fewer (max-features) they
 * are drawn from the context's {@code tree} stream. The tree is the same for any thread budget.
 */
public final class DecisionTree implements Estimator<DecisionTreeModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "decision-tree";

    private final DecisionTreeParams params;

    /** An estimator with {@code params}. */
    public DecisionTree(DecisionTreeParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public DecisionTreeParams params() {
        return params;
    }

    /**
     * Fits a tree on {@code data}: class or numeric targets, finite features, at least one row. A
     * single class is allowed (the tree is one leaf predicting it); constant features are never split on.
     *
     * @throws IllegalArgumentException if the data does not meet those needs or the params do not fit it
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public DecisionTreeModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        Criterion criterion = Criterion.resolve(NAME, params.criterion(), data.schema());
        TreeData input = TreeData.of(NAME, data, criterion);
        boolean parallel = context.threads() > 1;
        var settings = GrowthSettings.of(criterion, params.maxDepth(), params.minSamplesSplit(), params.minSamplesLeaf(),
                MaxFeatures.resolve(NAME, params.maxFeatures(), input.features(), input.forClasses()), parallel);
        SortedColumns columns = SortedColumns.sort(input.x(), input.rows(), input.features(), parallel);
        FlatTree tree = new TreeGrower(columns, null, input.rows(), input.labels(), input.targets(), input.classes(), null,
                settings, context::checkCancelled).grow(context.rng("tree"));
        context.progress().update(NAME, 1, 1, tree.nodeCount() + " nodes, depth " + tree.depth());
        return input.forClasses()
                ? new DecisionTreeClassifierModel(data.schema(), criterion, tree)
                : new DecisionTreeRegressorModel(data.schema(), tree);
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
