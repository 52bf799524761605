package dev.grove.classical.tree;

import dev.grove.api.model.DecisionNode;
import java.util.List;

/**
 * Builds the {@link DecisionNode} form of a tree that a report draws: splits as
 * {@code feature ≤ threshold} and leaves as {@code class: LABEL} or {@code value: MEAN}, with the
 * numbers written as {@link TreeText} writes them, so the drawing and the text agree.
 */
final class TreeNodes {

    private TreeNodes() {
    }

    /**
     * The root of {@code tree}'s nodes.
     *
     * @param classLabels the class names for class targets, null for numeric ones
     */
    static DecisionNode of(FlatTree tree, List<String> featureNames, List<String> classLabels) {
        DecisionNode[] built = new DecisionNode[tree.nodeCount()];
        // Children follow their parent in preorder: from the last node back, a node's children are built before it.
        for (int node = built.length - 1; node >= 0; node--) {
            int predicted = classLabels == null ? -1 : tree.majorityClass(node);
            if (tree.left[node] < 0) {
                String text = classLabels == null ? "value: " + TreeText.fixed(tree.value[node * tree.outputs])
                        : "class: " + classLabels.get(predicted);
                built[node] = new DecisionNode(text, tree.weight[node], predicted, List.of());
            } else {
                String rule = featureNames.get(tree.feature[node]) + " ≤ " + TreeText.fixed(tree.threshold[node]);
                built[node] = new DecisionNode(rule, tree.weight[node], predicted,
                        List.of(built[tree.left[node]], built[tree.right[node]]));
            }
        }
        return built[0];
    }
}
