package dev.grove.classical.tree;

/**
 * What limits the growth of one tree, resolved against the data.
 *
 * @param criterion       the split quality measure
 * @param maxDepth        the deepest a node may be (the root has depth 0); {@link Integer#MAX_VALUE} for no limit
 * @param minSamplesSplit nodes with fewer rows stay leaves
 * @param minSamplesLeaf  the fewest rows each side of a split keeps
 * @param maxFeatures     how many features each split examines (all of them when equal to the feature count)
 * @param parallel        whether big nodes and subtrees may be grown on several threads
 */
record GrowthSettings(Criterion criterion, int maxDepth, int minSamplesSplit, int minSamplesLeaf, int maxFeatures,
                      boolean parallel) {

    /** Settings from params, where a max-depth of 0 means no limit. */
    static GrowthSettings of(Criterion criterion, int maxDepthParam, int minSamplesSplit, int minSamplesLeaf,
                             int maxFeatures, boolean parallel) {
        return new GrowthSettings(criterion, maxDepthParam == 0 ? Integer.MAX_VALUE : maxDepthParam, minSamplesSplit,
                minSamplesLeaf, maxFeatures, parallel);
    }
}
