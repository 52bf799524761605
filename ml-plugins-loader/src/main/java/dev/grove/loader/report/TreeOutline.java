package dev.grove.loader.report;

import dev.grove.api.model.DecisionNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top of a model's tree of rules as {@code report-data.json} keeps it ({@code model-tree}) and
 * the report reads it back: each node's {@code text}, {@code samples}, {@code class} (its predicted
 * class's index, for class targets), the {@code depth} and {@code leaves} of its whole subtree, and
 * its {@code children} — kept down to {@value #STORED_LEVELS} levels, so a tree of any size stores
 * at most 63 nodes nested well within what the run folder's JSON reader accepts; a split on the last
 * kept level keeps its depth and leaves but not its children.
 *
 * @param text       a split's rule or a leaf's prediction
 * @param samples    training rows reaching the node, NaN when unknown
 * @param classIndex the class the node predicts, −1 for numeric targets
 * @param depth      levels of the node's whole subtree below it (0 at a leaf)
 * @param leaves     leaves of its whole subtree
 * @param children   the children kept: none at a leaf and below the kept levels, else yes then no
 */
record TreeOutline(String text, double samples, int classIndex, int depth, int leaves, List<TreeOutline> children) {

    /** Levels of nodes kept: the report draws at most this many. */
    static final int STORED_LEVELS = 6;

    TreeOutline {
        children = List.copyOf(children);
    }

    /** Whether the node is a split whose subtree is not kept (or not drawn): it stands for the levels below it. */
    boolean cut() {
        return children.isEmpty() && depth > 0;
    }

    /** The {@code model-tree} part for the tree under {@code root}. */
    static Map<String, Object> store(DecisionNode root) {
        Map<DecisionNode, int[]> sizes = depthsAndLeaves(root);
        return plain(root, sizes, 1);
    }

    /** The outline stored as {@code part}, or empty when it is missing or not one. */
    static Optional<TreeOutline> read(Object part) {
        if (!(part instanceof Map<?, ?> map) || !(map.get("text") instanceof String text)) {
            return Optional.empty();
        }
        double depth = Plain.number(map.get("depth"));
        double leaves = Plain.number(map.get("leaves"));
        Object classIndex = map.get("class");
        List<TreeOutline> children = new ArrayList<>();
        if (map.get("children") instanceof List<?> list) {
            for (Object child : list) {
                Optional<TreeOutline> read = read(child);
                if (read.isEmpty()) {
                    return Optional.empty();
                }
                children.add(read.get());
            }
        }
        if (!(children.isEmpty() || children.size() == 2) || Double.isNaN(depth) || Double.isNaN(leaves)) {
            return Optional.empty();
        }
        return Optional.of(new TreeOutline(text, Plain.number(map.get("samples")),
                classIndex instanceof Number n ? n.intValue() : -1, (int) depth, (int) leaves, children));
    }

    /**
     * Each node's subtree depth and leaf count, worked out without recursion (a grown tree can be a
     * chain thousands of nodes deep); keyed by identity, as equal subtrees are distinct nodes.
     */
    private static Map<DecisionNode, int[]> depthsAndLeaves(DecisionNode root) {
        Map<DecisionNode, int[]> sizes = new IdentityHashMap<>();
        var pending = new ArrayDeque<DecisionNode>();
        pending.push(root);
        while (!pending.isEmpty()) {
            DecisionNode node = pending.peek();
            if (node.isLeaf()) {
                sizes.put(pending.pop(), new int[] {0, 1});
            } else if (node.children().stream().allMatch(sizes::containsKey)) {
                int depth = 0;
                int leaves = 0;
                for (DecisionNode child : node.children()) {
                    depth = Math.max(depth, sizes.get(child)[0] + 1);
                    leaves += sizes.get(child)[1];
                }
                sizes.put(pending.pop(), new int[] {depth, leaves});
            } else {
                node.children().forEach(pending::push);
            }
        }
        return sizes;
    }

    private static Map<String, Object> plain(DecisionNode node, Map<DecisionNode, int[]> sizes, int level) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", node.text());
        out.put("samples", node.samples());
        if (node.classIndex() >= 0) {
            out.put("class", node.classIndex());
        }
        out.put("depth", sizes.get(node)[0]);
        out.put("leaves", sizes.get(node)[1]);
        if (!node.isLeaf() && level < STORED_LEVELS) {
            out.put("children", node.children().stream().map(child -> plain(child, sizes, level + 1)).toList());
        }
        return out;
    }
}
