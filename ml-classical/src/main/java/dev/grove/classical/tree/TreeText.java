package dev.grove.classical.tree;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Writes a tree as indented text in the layout of scikit-learn's {@code export_text}: one line per
 * branch ({@code |--- petal_width <= 0.80}, then its {@code >} twin after the left subtree), leaves as
 * {@code class: LABEL} or {@code value: [MEAN]}, numbers with two decimals rounded as Python does,
 * and subtrees below the depth limit summarised as {@code truncated branch of depth N}.
 */
final class TreeText {

    private static final int DECIMALS = 2;

    private TreeText() {
    }

    /**
     * The text of {@code tree}.
     *
     * @param classLabels the class names for class targets, null for numeric ones
     * @param maxDepth    depth below which subtrees are summarised (scikit-learn's default is 10)
     */
    static String render(FlatTree tree, List<String> featureNames, List<String> classLabels, int maxDepth) {
        var text = new StringBuilder();
        // Frames of {node, depth, stage}: stage 0 writes the node's first line, stage 1 its right branch.
        var frames = new ArrayDeque<int[]>();
        frames.push(new int[] {0, 1, 0});
        while (!frames.isEmpty()) {
            int[] frame = frames.pop();
            int node = frame[0];
            int depth = frame[1];
            String indent = "|   ".repeat(depth - 1) + "|---";
            if (frame[2] == 1) {
                text.append(indent).append(' ').append(featureNames.get(tree.feature[node])).append(" >  ")
                        .append(fixed(tree.threshold[node])).append('\n');
                frames.push(new int[] {tree.right[node], depth + 1, 0});
            } else if (depth > maxDepth + 1 && tree.left[node] >= 0) {
                text.append(indent).append(" truncated branch of depth ").append(subtreeDepth(tree, node)).append('\n');
            } else if (tree.left[node] >= 0) {
                text.append(indent).append(' ').append(featureNames.get(tree.feature[node])).append(" <= ")
                        .append(fixed(tree.threshold[node])).append('\n');
                frames.push(new int[] {node, depth, 1});
                frames.push(new int[] {tree.left[node], depth + 1, 0});
            } else {
                text.append(indent).append(leaf(tree, node, classLabels)).append('\n');
            }
        }
        return text.toString();
    }

    private static String leaf(FlatTree tree, int node, List<String> classLabels) {
        if (classLabels == null) {
            return " value: [" + fixed(tree.value[node * tree.outputs]) + "]";
        }
        return " class: " + classLabels.get(tree.majorityClass(node));
    }

    /** The number of levels of the subtree under {@code node}, counting the node itself. */
    private static int subtreeDepth(FlatTree tree, int node) {
        int deepest = 0;
        var frames = new ArrayDeque<int[]>();
        frames.push(new int[] {node, 1});
        while (!frames.isEmpty()) {
            int[] frame = frames.pop();
            deepest = Math.max(deepest, frame[1]);
            if (tree.left[frame[0]] >= 0) {
                frames.push(new int[] {tree.left[frame[0]], frame[1] + 1});
                frames.push(new int[] {tree.right[frame[0]], frame[1] + 1});
            }
        }
        return deepest;
    }

    /** {@code v} with two decimals as Python's {@code "{:.2f}"} writes it: exact value, ties to even, sign kept. */
    static String fixed(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String digits = new BigDecimal(Math.abs(v)).setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative ? "-" + digits : digits;
    }
}
