package dev.grove.classical.tree;

import dev.grove.tensor.Rng;

/**
 * A node while its tree grows: the segment {@code [start, end)} its rows occupy in every feature's
 * sorted arrays, its depth and statistics, the features known to be constant in it, and, once split,
 * the split and its children. Flattened into a {@link FlatTree} when the tree is complete.
 */
final class GrowingNode {

    final int start;
    final int end;
    final int depth;
    final NodeStats stats;
    /** Features constant in this node (and so in all its descendants); released once the node is done. */
    boolean[] constant;
    /** This node's random stream for drawing features (null when every split examines all features). */
    Rng rng;

    int feature = -1;
    double threshold;
    GrowingNode left;
    GrowingNode right;

    GrowingNode(int start, int end, int depth, NodeStats stats, boolean[] constant, Rng rng) {
        this.start = start;
        this.end = end;
        this.depth = depth;
        this.stats = stats;
        this.constant = constant;
        this.rng = rng;
    }

    /** Number of rows in the node. */
    int samples() {
        return end - start;
    }

    /** Whether the node was split. */
    boolean isSplit() {
        return feature >= 0;
    }
}
