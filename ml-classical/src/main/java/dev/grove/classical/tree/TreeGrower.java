package dev.grove.classical.tree;

import dev.grove.tensor.Rng;
import dev.grove.tensor.ThreadBudget;
import java.util.ArrayDeque;

/**
 * Grows one CART tree as scikit-learn's best splitter does: at each node every examined feature's
 * thresholds (midpoints between consecutive distinct values) are rated in one scan, the best split
 * is taken even if it does not lower the impurity, and growth stops at pure nodes, at the depth limit,
 * below min-samples-split rows or when no split leaves min-samples-leaf rows on each side.
 *
 * <p>Each feature is sorted once ({@link SortedColumns}); a node's rows occupy the same segment of
 * every feature's sorted entries, and splitting a node copies each segment into a second buffer, left
 * rows first, so the children's segments are sorted too (the buffers alternate with depth). Features
 * found constant in a node are neither scanned nor copied below it. Each entry carries its row's
 * class, so a scan reads memory front to back only.
 *
 * <p>Parallel growth searches and copies the features of big nodes in fixed blocks and grows the
 * two subtrees of a node as separate tasks. Every choice depends only on the data, the settings and
 * the node's own random stream (split from its parent's), so the tree is the same for any thread count.
 */
final class TreeGrower {

    /** Nodes with at least this many rows grow their two subtrees as separate tasks. */
    private static final int PARALLEL_SUBTREE_ROWS = 4096;
    /** Nodes where rows × features reach this search and copy their features in parallel blocks. */
    private static final long PARALLEL_FEATURE_WORK = 1L << 19;
    /** Features per parallel block. */
    private static final int FEATURE_BLOCK = 4;
    /** From this depth on subtrees grow in the calling task, which bounds the nesting of tasks. */
    private static final int PARALLEL_MAX_DEPTH = 48;

    private final GrowthSettings settings;
    private final int rows;
    private final int features;
    private final int outputs;
    private final int[] labels;
    private final double[] targets;
    private final int[] weights;
    /** Bits of an entry's low word taken by the label (0 for numeric targets). */
    private final int labelBits;
    /** Each feature's distinct values by rank. */
    private final double[][] distinct;
    /** Two feature-major buffers of sorted entries; a node at depth t reads buffer t % 2. */
    private final long[][] entries = new long[2][];
    /** Per row, 1 if the split of its current node sends it left. */
    private final byte[] goesLeft;
    /** k ln k for every whole weight k up to the total (entropy only). */
    private final double[] xLogX;
    private final Runnable cancellation;

    /**
     * A grower over the rows of {@code columns} with {@code localRow[r] >= 0} (all rows if
     * {@code localRow} is null), renumbered to {@code localRow[r]}; {@code labels}, {@code targets}
     * and {@code weights} are indexed by the new numbers.
     *
     * @param kept         number of rows kept
     * @param labels       class of each row, or null for numeric targets
     * @param targets      numeric target of each row, or null for class targets
     * @param classes      number of classes (ignored for numeric targets)
     * @param weights      whole-number weight of each row, all ≥ 1, or null for 1 each
     * @param cancellation called at every node; throws to stop growth
     */
    TreeGrower(SortedColumns columns, int[] localRow, int kept, int[] labels, double[] targets, int classes, int[] weights,
               GrowthSettings settings, Runnable cancellation) {
        this.settings = settings;
        this.rows = kept;
        this.features = columns.features;
        this.outputs = labels != null ? classes : 1;
        this.labels = labels;
        this.targets = targets;
        this.weights = weights;
        this.labelBits = labels == null ? 0 : TreeData.labelBits(classes);
        this.distinct = columns.distinct;
        this.entries[0] = columns.entriesFor(localRow, kept, labels, labelBits);
        this.entries[1] = new long[entries[0].length];
        this.goesLeft = new byte[rows];
        this.xLogX = settings.criterion() == Criterion.ENTROPY ? xLogXTable(totalWeight()) : null;
        this.cancellation = cancellation;
    }

    private int totalWeight() {
        if (weights == null) {
            return rows;
        }
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        return total;
    }

    private static double[] xLogXTable(int upTo) {
        double[] table = new double[upTo + 1];
        for (int k = 1; k <= upTo; k++) {
            table[k] = k * Math.log(k);
        }
        return table;
    }

    /** Grows the tree; {@code rng} draws the features examined per split when not all are. */
    FlatTree grow(Rng rng) {
        var root = new GrowingNode(0, rows, 0, rootStats(), new boolean[features], drawsFeatures() ? rng.split() : null);
        if (settings.parallel()) {
            growInParallel(root);
        } else {
            growInTurn(root, new Scratch());
        }
        return FlatTree.of(root, outputs);
    }

    private boolean drawsFeatures() {
        return settings.maxFeatures() < features;
    }

    private NodeStats rootStats() {
        if (labels != null) {
            int[] counts = new int[outputs];
            for (int i = 0; i < rows; i++) {
                counts[labels[i]] += weight(i);
            }
            return NodeStats.ofClasses(rows, counts, settings.criterion());
        }
        double weight = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < rows; i++) {
            int w = weight(i);
            weight += w;
            sum += w * targets[i];
            squares += w * targets[i] * targets[i];
        }
        return NodeStats.ofValues(rows, weight, sum, squares);
    }

    private int weight(int row) {
        return weights == null ? 1 : weights[row];
    }

    private void growInParallel(GrowingNode node) {
        if (node.samples() < PARALLEL_SUBTREE_ROWS || node.depth >= PARALLEL_MAX_DEPTH) {
            growInTurn(node, new Scratch());
            return;
        }
        boolean featureBlocks = (long) node.samples() * features >= PARALLEL_FEATURE_WORK;
        if (split(node, new Scratch(), featureBlocks)) {
            GrowingNode[] children = {node.left, node.right};
            ThreadBudget.parallelFor(2, i -> growInParallel(children[i]));
        }
    }

    private void growInTurn(GrowingNode subtreeRoot, Scratch scratch) {
        var pending = new ArrayDeque<GrowingNode>();
        pending.push(subtreeRoot);
        while (!pending.isEmpty()) {
            GrowingNode node = pending.pop();
            if (split(node, scratch, false)) {
                pending.push(node.right);
                pending.push(node.left);
            }
        }
    }

    /** Whether a node stays a leaf before any split is searched. */
    private boolean staysLeaf(int depth, NodeStats stats) {
        return depth >= settings.maxDepth() || stats.samples < settings.minSamplesSplit()
                || stats.samples < 2 * settings.minSamplesLeaf() || stats.pure();
    }

    /** Splits {@code node} if it should be split and can be; returns whether it was. */
    private boolean split(GrowingNode node, Scratch scratch, boolean featureBlocks) {
        cancellation.run();
        if (staysLeaf(node.depth, node.stats)) {
            release(node);
            return false;
        }
        BestSplit best = scratch.best;
        best.reset();
        boolean[] childConstant;
        if (drawsFeatures()) {
            childConstant = searchDrawnFeatures(node, scratch, best);
        } else if (featureBlocks) {
            childConstant = searchAllFeaturesInBlocks(node, best);
        } else {
            childConstant = searchAllFeatures(node, scratch, best);
        }
        if (best.feature < 0) {
            release(node);
            return false;
        }
        makeChildren(node, best, childConstant);
        if (!staysLeaf(node.depth + 1, node.left.stats) || !staysLeaf(node.depth + 1, node.right.stats)) {
            partition(node, best.leftSamples, childConstant, featureBlocks);
        }
        release(node);
        return true;
    }

    private static void release(GrowingNode node) {
        node.constant = null;
        node.rng = null;
    }

    private boolean[] searchAllFeatures(GrowingNode node, Scratch scratch, BestSplit best) {
        boolean[] constant = node.constant;
        for (int f = 0; f < features; f++) {
            if (!constant[f] && !scan(node, f, scratch, best)) {
                constant = markConstant(constant, node.constant, f);
            }
        }
        return constant;
    }

    private boolean[] searchAllFeaturesInBlocks(GrowingNode node, BestSplit best) {
        int blocks = (features + FEATURE_BLOCK - 1) / FEATURE_BLOCK;
        BestSplit[] blockBest = new BestSplit[blocks];
        boolean[] foundConstant = new boolean[features];
        ThreadBudget.parallelFor(blocks, b -> {
            var scratch = new Scratch();
            for (int f = b * FEATURE_BLOCK; f < Math.min(features, (b + 1) * FEATURE_BLOCK); f++) {
                if (!node.constant[f] && !scan(node, f, scratch, scratch.best)) {
                    foundConstant[f] = true;
                }
            }
            blockBest[b] = scratch.best;
        });
        for (BestSplit candidate : blockBest) {
            best.offer(candidate);
        }
        boolean[] constant = node.constant;
        for (int f = 0; f < features; f++) {
            if (foundConstant[f]) {
                constant = markConstant(constant, node.constant, f);
            }
        }
        return constant;
    }

    /**
     * Examines features in random order, without replacement, until max-features of them were not
     * constant in the node (scikit-learn's rule) or none are left.
     */
    private boolean[] searchDrawnFeatures(GrowingNode node, Scratch scratch, BestSplit best) {
        boolean[] constant = node.constant;
        int[] candidates = scratch.featureOrder;
        int count = 0;
        for (int f = 0; f < features; f++) {
            if (!constant[f]) {
                candidates[count++] = f;
            }
        }
        int examined = 0;
        for (int i = 0; i < count && examined < settings.maxFeatures(); i++) {
            int j = i + node.rng.nextInt(count - i);
            int f = candidates[j];
            candidates[j] = candidates[i];
            candidates[i] = f;
            if (scan(node, f, scratch, best)) {
                examined++;
            } else {
                constant = markConstant(constant, node.constant, f);
            }
        }
        return constant;
    }

    /** {@code constant} with feature f marked, copied first if it is still the node's own (shared) array. */
    private static boolean[] markConstant(boolean[] constant, boolean[] nodeOwn, int f) {
        boolean[] marked = constant == nodeOwn ? constant.clone() : constant;
        marked[f] = true;
        return marked;
    }

    /** Offers feature f's best split of the node to {@code best}; false if f is constant in the node. */
    private boolean scan(GrowingNode node, int f, Scratch scratch, BestSplit best) {
        long[] sorted = entries[node.depth & 1];
        int from = f * rows + node.start;
        int to = f * rows + node.end;
        int minLeaf = settings.minSamplesLeaf();
        return switch (settings.criterion()) {
            case GINI -> SplitKernels.gini(sorted, from, to, labelBits, weights, node.stats.counts, minLeaf,
                    scratch.leftWeights, distinct[f], f, best);
            case ENTROPY -> SplitKernels.entropy(sorted, from, to, labelBits, weights, node.stats.counts, minLeaf,
                    scratch.left, xLogX, distinct[f], f, best);
            case MSE -> SplitKernels.squaredError(sorted, from, to, targets, weights, node.stats, minLeaf, distinct[f], f,
                    best);
        };
    }

    /** Records the split, marks which rows go left and sums up both children. */
    private void makeChildren(GrowingNode node, BestSplit best, boolean[] childConstant) {
        long[] sorted = entries[node.depth & 1];
        int base = best.feature * rows;
        int middle = node.start + best.leftSamples;
        NodeStats leftStats = childStats(sorted, base + node.start, base + middle, (byte) 1);
        NodeStats rightStats = childStats(sorted, base + middle, base + node.end, (byte) 0);
        node.feature = best.feature;
        node.threshold = best.threshold;
        Rng leftRng = node.rng == null ? null : node.rng.split();
        Rng rightRng = node.rng == null ? null : node.rng.split();
        node.left = new GrowingNode(node.start, middle, node.depth + 1, leftStats, childConstant, leftRng);
        node.right = new GrowingNode(middle, node.end, node.depth + 1, rightStats, childConstant, rightRng);
    }

    private NodeStats childStats(long[] sorted, int from, int to, byte side) {
        if (labels != null) {
            int[] counts = new int[outputs];
            for (int k = from; k < to; k++) {
                int row = (int) sorted[k] >>> labelBits;
                goesLeft[row] = side;
                counts[labels[row]] += weight(row);
            }
            return NodeStats.ofClasses(to - from, counts, settings.criterion());
        }
        double weight = 0;
        double sum = 0;
        double squares = 0;
        for (int k = from; k < to; k++) {
            int row = (int) sorted[k];
            goesLeft[row] = side;
            int w = weight(row);
            weight += w;
            sum += w * targets[row];
            squares += w * targets[row] * targets[row];
        }
        return NodeStats.ofValues(to - from, weight, sum, squares);
    }

    /** Copies every feature the children may examine into the other buffer, split by side. */
    private void partition(GrowingNode node, int leftSamples, boolean[] childConstant, boolean featureBlocks) {
        int from = node.depth & 1;
        if (featureBlocks) {
            int blocks = (features + FEATURE_BLOCK - 1) / FEATURE_BLOCK;
            ThreadBudget.parallelFor(blocks, b -> {
                for (int f = b * FEATURE_BLOCK; f < Math.min(features, (b + 1) * FEATURE_BLOCK); f++) {
                    partitionFeature(node, f, from, leftSamples, childConstant);
                }
            });
        } else {
            for (int f = 0; f < features; f++) {
                partitionFeature(node, f, from, leftSamples, childConstant);
            }
        }
    }

    private void partitionFeature(GrowingNode node, int f, int from, int leftSamples, boolean[] childConstant) {
        if (!childConstant[f]) {
            int base = f * rows;
            SplitKernels.partition(entries[from], entries[1 - from], base + node.start, base + node.end, leftSamples,
                    labelBits, goesLeft);
        }
    }

    /** Per-task working space. */
    private final class Scratch {
        final int[] left = new int[outputs];
        final double[] leftWeights = new double[outputs];
        final int[] featureOrder = new int[features];
        final BestSplit best = new BestSplit();
    }
}
