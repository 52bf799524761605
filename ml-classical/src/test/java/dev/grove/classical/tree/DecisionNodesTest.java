package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.DecisionNode;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node form of a fitted tree (what a report draws) agrees with the tree's text and with hand-worked trees. */
class DecisionNodesTest {

    private static DecisionTreeModel fit(DecisionTreeParams params, Dataset data) {
        return new DecisionTree(params).fit(data, RunContext.withSeed(0));
    }

    /** The eight-row set of DecisionTreeTest (classes A A A B B A B B): x ≤ 2.75 → A (3 rows), else z ≤ 0.5 → B (4) / A (1). */
    @Test
    void theTinyTreeHasTheHandWorkedNodes() {
        Dataset tiny = Dataset.of(new double[][] {{1, 0}, {2, 0}, {2, 1}, {3.5, 0}, {4, 0}, {4, 1}, {6, 0}, {9, 0}},
                new double[] {0, 0, 0, 1, 1, 0, 1, 1}, new Schema(List.of("x", "z"), "label", List.of("A", "B")));

        DecisionNode root = fit(DecisionTreeParams.defaults(), tiny).decisionTree().orElseThrow();

        assertThat(root.text()).isEqualTo("x ≤ 2.75");
        assertThat(root.samples()).isEqualTo(8);
        DecisionNode yes = root.children().get(0);
        DecisionNode no = root.children().get(1);
        assertThat(yes.isLeaf()).isTrue();
        assertThat(yes.text()).isEqualTo("class: A");
        assertThat(yes.samples()).isEqualTo(3);
        assertThat(yes.classIndex()).isEqualTo(0);
        // Four B rows and one A row: the split node's majority is B.
        assertThat(no.text()).isEqualTo("z ≤ 0.50");
        assertThat(no.classIndex()).isEqualTo(1);
        assertThat(no.children()).extracting(DecisionNode::text).containsExactly("class: B", "class: A");
        assertThat(no.children()).extracting(DecisionNode::samples).containsExactly(4.0, 1.0);
    }

    @Test
    void aRegressionTreesLeavesHoldTheirMeansAndNoClass() {
        // As DecisionTreeTest's regression case: x ≤ 2.5 leaves y = 1, 2 (mean 1.5) and 10, 12 (mean 11).
        Dataset data = Dataset.of(new double[][] {{1}, {2}, {3}, {4}}, new double[] {1, 2, 10, 12},
                new Schema(List.of("x"), "y", List.of()));

        DecisionNode root = fit(DecisionTreeParams.defaults().withMaxDepth(1), data).decisionTree().orElseThrow();

        assertThat(root.text()).isEqualTo("x ≤ 2.50");
        assertThat(root.classIndex()).isEqualTo(-1);
        assertThat(root.children()).extracting(DecisionNode::text).containsExactly("value: 1.50", "value: 11.00");
        assertThat(root.children()).extracting(DecisionNode::classIndex).containsExactly(-1, -1);
        assertThat(root.children()).extracting(DecisionNode::samples).containsExactly(2.0, 2.0);
    }

    /**
     * On iris every tree's first split separates the 50 setosa rows from the other 100 (petal length
     * ≤ 2.45 or petal width ≤ 0.80 do it equally well): the root's rule is the text's first line.
     */
    @Test
    void anIrisTreesNodesMatchItsText() {
        DecisionTreeModel model = fit(DecisionTreeParams.defaults().withMaxDepth(3), CsvData.read("iris"));
        DecisionNode root = model.decisionTree().orElseThrow();
        String[] lines = model.toText().split("\n");

        assertThat(root.text().replace("≤", "<=")).isEqualTo(lines[0].substring("|--- ".length()));
        assertThat(root.text()).matches("petal_(length ≤ 2\\.45|width ≤ 0\\.80)");
        assertThat(root.samples()).isEqualTo(150);
        assertThat(root.children().get(0).text()).isEqualTo("class: setosa");
        assertThat(root.children().get(0).samples()).isEqualTo(50);
        assertThat(root.children().get(1).samples()).isEqualTo(100);
        // The leaves, left to right, are the text's leaf lines top to bottom; their rows add up to all 150.
        List<DecisionNode> leaves = new ArrayList<>();
        collectLeaves(root, leaves);
        List<String> textLeaves = new ArrayList<>();
        for (String line : lines) {
            if (line.contains("class: ")) {
                textLeaves.add(line.substring(line.indexOf("class: ")));
            }
        }
        assertThat(leaves).extracting(DecisionNode::text).containsExactlyElementsOf(textLeaves);
        assertThat(leaves).hasSize(model.leafCount());
        assertThat(leaves.stream().mapToDouble(DecisionNode::samples).sum()).isEqualTo(150);
    }

    private static void collectLeaves(DecisionNode node, List<DecisionNode> leaves) {
        if (node.isLeaf()) {
            leaves.add(node);
        }
        node.children().forEach(child -> collectLeaves(child, leaves));
    }
}
