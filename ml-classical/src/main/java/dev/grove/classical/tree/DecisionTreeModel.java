package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.DecisionNode;
import dev.grove.api.model.Describable;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import java.util.Optional;

/**
 * A fitted decision tree: immutable and safe to share between threads. A
 * {@link DecisionTreeClassifierModel} for class targets, a {@link DecisionTreeRegressorModel} for
 * numeric ones. It prints itself as text ({@link #toText()}, which is also what it
 * {@link #describe() describes itself} with in a run's report), gives its nodes for the report's
 * drawing ({@link #decisionTree()}) and reports {@link #featureImportances() feature importances}.
 *
 * <p>{@link #state()} holds per-node arrays in preorder (the root is node 0): {@code feature} and
 * {@code threshold} of each split (a row goes left when its value is ≤ the threshold; −1 at
 * leaves), {@code left} and {@code right} children (−1 at leaves), {@code value} (nodes × outputs:
 * class shares, or the mean target), {@code impurity} and {@code weight} (training rows), plus
 * {@code importances} (features) and attributes {@code criterion}, {@code nodes}, {@code leaves} and
 * {@code depth}.
 */
public abstract sealed class DecisionTreeModel implements Describable
        permits DecisionTreeClassifierModel, DecisionTreeRegressorModel {

    /** How deep {@link #toText()} writes before summarising subtrees (scikit-learn's default). */
    public static final int TEXT_DEPTH = 10;

    private final Schema schema;
    private final Criterion criterion;
    final FlatTree tree;
    private final double[] importances;

    DecisionTreeModel(Schema schema, Criterion criterion, FlatTree tree) {
        this.schema = schema;
        this.criterion = criterion;
        this.tree = tree;
        this.importances = tree.importances(schema.featureCount());
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on (the component's
     * restorer; the params do not affect prediction). Importances are recomputed from the nodes.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or inconsistent
     */
    public static DecisionTreeModel restore(DecisionTreeParams params, Schema schema, ModelState state) {
        String component = DecisionTree.NAME;
        boolean classes = schema.isClassification();
        Criterion criterion = Criterion.resolve(component, state.attribute("criterion"), schema);
        int outputs = classes ? schema.classLabels().size() : 1;
        int nodes = state.shape("feature")[0];
        FlatTree tree = FlatTree.readAll(component, state, new int[] {0, nodes}, schema.featureCount(), outputs, classes)[0];
        return classes ? new DecisionTreeClassifierModel(schema, criterion, tree) : new DecisionTreeRegressorModel(schema, tree);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        var state = ModelState.builder();
        tree.writeTo(state);
        return state.put("importances", importances, importances.length)
                .attribute("criterion", criterion.label())
                .attribute("nodes", Integer.toString(nodeCount()))
                .attribute("leaves", Integer.toString(leafCount()))
                .attribute("depth", Integer.toString(depth()))
                .build();
    }

    /**
     * The tree as indented text, as scikit-learn's {@code export_text} writes it: one line per branch
     * with the feature name and threshold, leaves as {@code class: LABEL} or {@code value: [MEAN]},
     * subtrees deeper than {@value #TEXT_DEPTH} levels summarised.
     */
    public String toText() {
        return toText(TEXT_DEPTH);
    }

    /** The split rules as {@link #toText()} writes them. */
    @Override
    public String describe() {
        return toText();
    }

    /**
     * The whole tree, node by node: splits as {@code feature ≤ threshold} (the rows that meet it go to
     * the first child), leaves as {@link #toText()} names them ({@code class: LABEL}, or
     * {@code value: MEAN} without the brackets), each node with its training rows (weighted) and, for
     * class targets, its majority class.
     */
    @Override
    public Optional<DecisionNode> decisionTree() {
        return Optional.of(TreeNodes.of(tree, schema.featureNames(), schema.isClassification() ? schema.classLabels() : null));
    }

    /** {@link #toText()} with subtrees below depth {@code maxDepth} (≥ 0) summarised as "truncated branch of depth N". */
    public String toText(int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("text depth must be >= 0, got " + maxDepth);
        }
        return TreeText.render(tree, schema.featureNames(), schema.isClassification() ? schema.classLabels() : null,
                maxDepth);
    }

    /**
     * Each feature's share of the total impurity decrease over all splits (weighted by the rows
     * reaching them), summing to 1, or all zeros for a tree that is a single leaf. A copy.
     */
    public double[] featureImportances() {
        return importances.clone();
    }

    /** Number of nodes, leaves included. */
    public int nodeCount() {
        return tree.nodeCount();
    }

    /** Number of leaves. */
    public int leafCount() {
        return tree.leafCount();
    }

    /** Depth of the deepest leaf (0 for a single leaf). */
    public int depth() {
        return tree.depth();
    }

    /** The leaf each row of {@code data} falls into, after checking its columns and values. */
    int[] leaves(Dataset data) {
        checkColumns(data);
        double[] x = Inputs.finiteFeatures(DecisionTree.NAME, data);
        int features = schema.featureCount();
        int[] out = new int[data.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tree.leafOf(x, i * features);
        }
        return out;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + nodeCount() + " nodes, depth " + depth() + ", " + schema.featureCount()
                + " features]";
    }
}
