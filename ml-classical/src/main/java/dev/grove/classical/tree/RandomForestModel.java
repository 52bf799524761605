package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.StateChecks;
import dev.grove.tensor.ThreadBudget;

/**
 * A fitted random forest: immutable and safe to share between threads. A
 * {@link RandomForestClassifierModel} for class targets, a {@link RandomForestRegressorModel} for
 * numeric ones.
 *
 * <p>{@link #state()} holds the trees' per-node arrays concatenated in tree order ({@code feature},
 * {@code threshold}, {@code left}, {@code right}, {@code value}, {@code impurity}, {@code weight}, as
 * {@link DecisionTreeModel} describes them; child indices count from each tree's own root), with
 * {@code tree-offsets} (trees + 1: tree t owns nodes [offsets[t], offsets[t + 1])), {@code importances}
 * (features), and attributes {@code criterion}, {@code trees} and, when fitted with bootstrap samples,
 * {@code oob-score}.
 */
public abstract sealed class RandomForestModel implements Model
        permits RandomForestClassifierModel, RandomForestRegressorModel {

    private static final int BLOCK_ROWS = 256;

    private final Schema schema;
    private final Criterion criterion;
    final FlatTree[] trees;
    private final double[] importances;
    private final double oobScore;

    RandomForestModel(Schema schema, Criterion criterion, FlatTree[] trees, double oobScore) {
        this.schema = schema;
        this.criterion = criterion;
        this.trees = trees;
        this.oobScore = oobScore;
        this.importances = meanImportances(trees, schema.featureCount());
    }

    /**
     * scikit-learn's forest importances: the mean of the trees' normalised importances over the trees
     * that split at all, normalised again; all zeros if none does.
     */
    private static double[] meanImportances(FlatTree[] trees, int features) {
        double[] mean = new double[features];
        int splitting = 0;
        for (FlatTree tree : trees) {
            if (tree.nodeCount() > 1) {
                splitting++;
                double[] own = tree.importances(features);
                for (int f = 0; f < features; f++) {
                    mean[f] += own[f];
                }
            }
        }
        double total = 0;
        for (int f = 0; f < features; f++) {
            mean[f] = splitting == 0 ? 0 : mean[f] / splitting;
            total += mean[f];
        }
        if (total > 0) {
            for (int f = 0; f < features; f++) {
                mean[f] /= total;
            }
        }
        return mean;
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on (the component's
     * restorer; the params do not affect prediction). Importances are recomputed from the trees.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or inconsistent
     */
    public static RandomForestModel restore(RandomForestParams params, Schema schema, ModelState state) {
        String component = RandomForest.NAME;
        boolean classes = schema.isClassification();
        Criterion criterion = Criterion.resolve(component, state.attribute("criterion"), schema);
        int count = StateChecks.count(component, state, "trees");
        if (count < 1) {
            throw new IllegalArgumentException(component + ": model state attribute 'trees' is 0; expected at least 1");
        }
        double[] offsetValues = state.doubles("tree-offsets", count + 1);
        int[] offsets = new int[count + 1];
        for (int t = 0; t <= count; t++) {
            double v = offsetValues[t];
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE || (t > 0 && v <= offsets[t - 1]) || (t == 0 && v != 0)) {
                throw new IllegalArgumentException(component + ": model state array 'tree-offsets' holds " + v + " at index "
                        + t + "; expected 0 first, then increasing whole numbers");
            }
            offsets[t] = (int) v;
        }
        int outputs = classes ? schema.classLabels().size() : 1;
        FlatTree[] trees = FlatTree.readAll(component, state, offsets, schema.featureCount(), outputs, classes);
        double oob = state.attributes().containsKey("oob-score") ? finiteAttribute(component, state, "oob-score") : Double.NaN;
        return classes ? new RandomForestClassifierModel(schema, criterion, trees, oob)
                : new RandomForestRegressorModel(schema, trees, oob);
    }

    private static double finiteAttribute(String component, ModelState state, String name) {
        String text = state.attribute(name);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below together with non-finite values.
        }
        throw new IllegalArgumentException(component + ": model state attribute '" + name + "' is '" + text
                + "'; expected a finite number");
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        var state = ModelState.builder();
        FlatTree.writeAll(trees, state);
        double[] offsets = new double[trees.length + 1];
        for (int t = 0; t < trees.length; t++) {
            offsets[t + 1] = offsets[t] + trees[t].nodeCount();
        }
        state.put("tree-offsets", offsets, offsets.length)
                .put("importances", importances, importances.length)
                .attribute("criterion", criterion.label())
                .attribute("trees", Integer.toString(trees.length));
        if (!Double.isNaN(oobScore)) {
            state.attribute("oob-score", Double.toString(oobScore));
        }
        return state.build();
    }

    /** The mean over trees of each feature's importance in the tree, normalised to sum to 1. A copy. */
    public double[] featureImportances() {
        return importances.clone();
    }

    /** Number of trees. */
    public int treeCount() {
        return trees.length;
    }

    /**
     * The out-of-bag score: accuracy for class targets, R² for numeric ones, of predicting each
     * training row by the trees that did not see it, over the rows left out by at least one tree; NaN
     * without bootstrap samples (or if no row was left out).
     */
    public double oobScore() {
        return oobScore;
    }

    /** The trees' leaf values summed over trees in order, for each row of {@code data} (rows × outputs). */
    double[] sumOverTrees(Dataset data) {
        checkColumns(data);
        double[] x = Inputs.finiteFeatures(RandomForest.NAME, data);
        int rows = data.rows();
        int features = schema.featureCount();
        int outputs = trees[0].outputs;
        double[] sums = new double[rows * outputs];
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        // Fixed row blocks, trees in order within each: the same sums for any thread count.
        ThreadBudget.parallelFor(blocks, b -> {
            int from = b * BLOCK_ROWS;
            int to = Math.min(rows, from + BLOCK_ROWS);
            for (FlatTree tree : trees) {
                for (int row = from; row < to; row++) {
                    int leaf = tree.leafOf(x, row * features);
                    for (int o = 0; o < outputs; o++) {
                        sums[row * outputs + o] += tree.value[leaf * outputs + o];
                    }
                }
            }
        });
        return sums;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + trees.length + " trees, " + schema.featureCount() + " features]";
    }
}
