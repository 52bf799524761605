package dev.grove.api.model;

import java.util.List;
import java.util.Objects;

/**
 * One node of a model that predicts by a tree of rules (a decision tree), in the form a report
 * draws: a split with its rule and two children, or a leaf with its prediction. A
 * {@link Describable} model gives its root through {@link Describable#decisionTree()}.
 *
 * @param text       a split's rule, e.g. {@code petal_length ≤ 2.45}, or a leaf's prediction, e.g.
 *                   {@code class: setosa} or {@code value: 3.20}
 * @param samples    the (weighted) number of training rows that reached the node; NaN when unknown
 * @param classIndex for class targets, the index in the schema's class labels of the class the node
 *                   predicts (its majority); −1 for numeric targets
 * @param children   none at a leaf; at a split, first the node of the rows that meet the rule, then
 *                   the node of the rest
 */
public record DecisionNode(String text, double samples, int classIndex, List<DecisionNode> children) {

    /** Copies the children. */
    public DecisionNode {
        Objects.requireNonNull(text, "text");
        children = List.copyOf(children);
    }

    /** Whether the node predicts (has no children). */
    public boolean isLeaf() {
        return children.isEmpty();
    }
}
