package dev.grove.classical.tree;

import dev.grove.api.model.ModelState;
import java.util.ArrayDeque;

/**
 * A fitted tree as parallel arrays indexed by node, nodes in preorder (a node, its left subtree,
 * its right subtree; the root is node 0), as scikit-learn's {@code tree_}: {@code feature} and
 * {@code threshold} of each split (a row goes left when its value is ≤ the threshold), the
 * {@code left} and {@code right} child (−1 at leaves, whose feature is −1 too), each node's
 * {@code value} (class shares or mean target; nodes × outputs), {@code impurity} and {@code weight}
 * (the weighted number of training rows). Immutable by convention: nothing writes the arrays after
 * construction.
 */
final class FlatTree {

    /** The names of the per-node arrays in a model state, in the order they are written. */
    static final String[] ARRAYS = {"feature", "threshold", "left", "right", "value", "impurity", "weight"};

    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final double[] value;
    final double[] impurity;
    final double[] weight;
    final int outputs;

    private FlatTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value, double[] impurity,
                     double[] weight, int outputs) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.impurity = impurity;
        this.weight = weight;
        this.outputs = outputs;
    }

    /** Flattens a grown tree, numbering its nodes in preorder. */
    static FlatTree of(GrowingNode root, int outputs) {
        int count = 0;
        var pending = new ArrayDeque<GrowingNode>();
        pending.push(root);
        while (!pending.isEmpty()) {
            GrowingNode node = pending.pop();
            count++;
            if (node.isSplit()) {
                pending.push(node.right);
                pending.push(node.left);
            }
        }
        var tree = new FlatTree(new int[count], new double[count], new int[count], new int[count],
                new double[count * outputs], new double[count], new double[count], outputs);
        pending.push(root);
        int next = 0;
        // Preorder numbering: each popped node takes the next index; a pushed child remembers which parent slot to fill.
        var slots = new ArrayDeque<int[]>();
        slots.push(new int[] {-1, 0});
        while (!pending.isEmpty()) {
            GrowingNode node = pending.pop();
            int[] slot = slots.pop();
            int id = next++;
            if (slot[0] >= 0) {
                (slot[1] == 0 ? tree.left : tree.right)[slot[0]] = id;
            }
            node.stats.writeValue(tree.value, id * outputs);
            tree.impurity[id] = node.stats.impurity;
            tree.weight[id] = node.stats.weight;
            if (node.isSplit()) {
                tree.feature[id] = node.feature;
                tree.threshold[id] = node.threshold;
                pending.push(node.right);
                slots.push(new int[] {id, 1});
                pending.push(node.left);
                slots.push(new int[] {id, 0});
            } else {
                tree.feature[id] = -1;
                tree.left[id] = -1;
                tree.right[id] = -1;
            }
        }
        return tree;
    }

    /** Number of nodes. */
    int nodeCount() {
        return feature.length;
    }

    /** Number of leaves. */
    int leafCount() {
        int leaves = 0;
        for (int l : left) {
            leaves += l < 0 ? 1 : 0;
        }
        return leaves;
    }

    /** The depth of the deepest leaf (0 for a single leaf). */
    int depth() {
        int[] depths = new int[nodeCount()];
        int deepest = 0;
        // Children come after their parent in preorder, so one forward pass sees every parent first.
        for (int node = 0; node < depths.length; node++) {
            deepest = Math.max(deepest, depths[node]);
            if (left[node] >= 0) {
                depths[left[node]] = depths[node] + 1;
                depths[right[node]] = depths[node] + 1;
            }
        }
        return deepest;
    }

    /** The class with the largest share at {@code node} (the first of tied ones), for class targets. */
    int majorityClass(int node) {
        int offset = node * outputs;
        int best = 0;
        for (int c = 1; c < outputs; c++) {
            if (value[offset + c] > value[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The leaf that the row at {@code x[offset…]} falls into. */
    int leafOf(double[] x, int offset) {
        int node = 0;
        while (left[node] >= 0) {
            node = x[offset + feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return node;
    }

    /**
     * Each feature's total impurity decrease (weight × impurity of a split node minus that of its
     * children), divided by the root weight and normalised to sum to 1, as scikit-learn's
     * {@code feature_importances_}; all zeros for a single leaf.
     */
    double[] importances(int features) {
        double[] decrease = new double[features];
        for (int node = 0; node < nodeCount(); node++) {
            if (left[node] >= 0) {
                int l = left[node];
                int r = right[node];
                decrease[feature[node]] += weight[node] * impurity[node] - weight[l] * impurity[l] - weight[r] * impurity[r];
            }
        }
        double total = 0;
        for (int f = 0; f < features; f++) {
            decrease[f] /= weight[0];
            total += decrease[f];
        }
        if (total > 0) {
            for (int f = 0; f < features; f++) {
                decrease[f] /= total;
            }
        }
        return decrease;
    }

    /** Adds this tree's arrays to a model state under {@link #ARRAYS}. */
    void writeTo(ModelState.Builder state) {
        writeAll(new FlatTree[] {this}, state);
    }

    /** Adds the arrays of several trees, concatenated in order (each tree's child indices stay its own). */
    static void writeAll(FlatTree[] trees, ModelState.Builder state) {
        int nodes = 0;
        for (FlatTree t : trees) {
            nodes += t.nodeCount();
        }
        int outputs = trees[0].outputs;
        double[][] columns = new double[ARRAYS.length][];
        for (int a = 0; a < ARRAYS.length; a++) {
            columns[a] = new double[ARRAYS[a].equals("value") ? nodes * outputs : nodes];
        }
        int at = 0;
        for (FlatTree t : trees) {
            for (int node = 0; node < t.nodeCount(); node++) {
                columns[0][at + node] = t.feature[node];
                columns[2][at + node] = t.left[node];
                columns[3][at + node] = t.right[node];
            }
            System.arraycopy(t.threshold, 0, columns[1], at, t.nodeCount());
            System.arraycopy(t.value, 0, columns[4], at * outputs, t.nodeCount() * outputs);
            System.arraycopy(t.impurity, 0, columns[5], at, t.nodeCount());
            System.arraycopy(t.weight, 0, columns[6], at, t.nodeCount());
            at += t.nodeCount();
        }
        for (int a = 0; a < ARRAYS.length; a++) {
            if (ARRAYS[a].equals("value")) {
                state.put(ARRAYS[a], columns[a], nodes, outputs);
            } else {
                state.put(ARRAYS[a], columns[a], nodes);
            }
        }
    }

    /**
     * Reads trees back from {@link #writeAll}'s arrays, split at {@code offsets} (tree t owns nodes
     * {@code [offsets[t], offsets[t + 1])}), checking everything prediction relies on.
     *
     * @throws IllegalArgumentException naming the array and node of the first inconsistency
     */
    static FlatTree[] readAll(String component, ModelState state, int[] offsets, int features, int outputs,
                              boolean classShares) {
        int nodes = offsets[offsets.length - 1];
        double[] feature = state.doubles("feature", nodes);
        double[] threshold = state.doubles("threshold", nodes);
        double[] left = state.doubles("left", nodes);
        double[] right = state.doubles("right", nodes);
        double[] value = state.doubles("value", nodes, outputs);
        double[] impurity = state.doubles("impurity", nodes);
        double[] weight = state.doubles("weight", nodes);
        FlatTree[] trees = new FlatTree[offsets.length - 1];
        for (int t = 0; t < trees.length; t++) {
            int from = offsets[t];
            int count = offsets[t + 1] - from;
            if (count < 1) {
                throw new IllegalArgumentException(component + ": model state tree " + t + " has no nodes");
            }
            var tree = new FlatTree(new int[count], new double[count], new int[count], new int[count],
                    new double[count * outputs], new double[count], new double[count], outputs);
            for (int node = 0; node < count; node++) {
                int at = from + node;
                String where = "node " + node + (trees.length > 1 ? " of tree " + t : "");
                int l = whole(component, "left", left[at], where);
                int r = whole(component, "right", right[at], where);
                int f = whole(component, "feature", feature[at], where);
                if (l == -1 && r == -1) {
                    if (f != -1) {
                        throw problem(component, "feature", feature[at], where, "-1 at a leaf");
                    }
                } else {
                    // Children after their parent: prediction always moves forward and stops.
                    requireChild(component, "left", l, node, count, where);
                    requireChild(component, "right", r, node, count, where);
                    if (f < 0 || f >= features) {
                        throw problem(component, "feature", feature[at], where, "a feature index in [0, " + features + ")");
                    }
                    if (!Double.isFinite(threshold[at])) {
                        throw problem(component, "threshold", threshold[at], where, "a finite number");
                    }
                }
                tree.left[node] = l;
                tree.right[node] = r;
                tree.feature[node] = f;
                tree.threshold[node] = threshold[at];
                tree.impurity[node] = nonNegative(component, "impurity", impurity[at], where);
                tree.weight[node] = nonNegative(component, "weight", weight[at], where);
                for (int o = 0; o < outputs; o++) {
                    double v = value[at * outputs + o];
                    if (!Double.isFinite(v) || (classShares && (v < 0 || v > 1))) {
                        throw problem(component, "value", v, where, classShares ? "a class share in [0, 1]" : "a finite number");
                    }
                    tree.value[node * outputs + o] = v;
                }
            }
            trees[t] = tree;
        }
        return trees;
    }

    private static int whole(String component, String array, double v, String where) {
        if (v != Math.rint(v) || v < -1 || v > Integer.MAX_VALUE) {
            throw problem(component, array, v, where, "a whole number >= -1");
        }
        return (int) v;
    }

    private static void requireChild(String component, String array, int child, int node, int count, String where) {
        if (child <= node || child >= count) {
            throw problem(component, array, child, where,
                    "-1 at a leaf, else a later node index in (" + node + ", " + count + ")");
        }
    }

    private static double nonNegative(String component, String array, double v, String where) {
        if (!Double.isFinite(v) || v < 0) {
            throw problem(component, array, v, where, "a finite number >= 0");
        }
        return v;
    }

    private static IllegalArgumentException problem(String component, String array, double v, String where, String expected) {
        return new IllegalArgumentException(component + ": model state array '" + array + "' holds " + v + " at " + where
                + "; expected " + expected);
    }
}
