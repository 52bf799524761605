package dev.grove.classical.tree;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code random-forest}, as scikit-learn's {@code RandomForestClassifier} and
 * {@code RandomForestRegressor}; the tree params mean what they mean for {@link DecisionTreeParams}.
 *
 * @param trees           number of trees, ≥ 1
 * @param criterion       {@code gini}, {@code entropy}, {@code mse}, or {@code auto} (gini or mse by the target)
 * @param maxDepth        deepest node depth, ≥ 0; 0 for no limit
 * @param minSamplesSplit nodes with fewer rows are not split, ≥ 2
 * @param minSamplesLeaf  each side of a split keeps at least this many rows, ≥ 1
 * @param maxFeatures     features drawn per split: {@code auto} (sqrt of the features for class targets, all
 *                        for numeric ones), {@code all}, {@code sqrt}, {@code log2}, a count or a fraction
 * @param bootstrap       whether each tree learns from a bootstrap sample (rows drawn with replacement) rather
 *                        than from all rows; also enables the out-of-bag score
 */
public record RandomForestParams(
        @Doc("Number of trees")
        @Default("100") @Min(1) int trees,
        @Doc("Split quality: gini or entropy for class targets, mse for numeric ones; auto picks gini or mse by the target")
        @Default("auto") @OneOf({"auto", "gini", "entropy", "mse"}) String criterion,
        @Doc("Deepest node depth of each tree, the root being depth 0; 0 for no limit")
        @Default("0") @Min(0) int maxDepth,
        @Doc("Nodes with fewer rows than this are not split")
        @Default("2") @Min(2) int minSamplesSplit,
        @Doc("Each side of a split keeps at least this many rows")
        @Default("1") @Min(1) int minSamplesLeaf,
        @Doc("Features drawn per split: auto (sqrt for class targets, all for numeric ones), all, sqrt, log2, "
                + "a count such as 10 or a fraction such as 0.5")
        @Default("auto") String maxFeatures,
        @Doc("Fit each tree on a bootstrap sample of the rows (and report the out-of-bag score); false uses all rows")
        @Default("true") boolean bootstrap) {

    /** Validates every param; a bad value throws naming it, e.g. "trees must be >= 1, got 0". */
    public RandomForestParams {
        Params.atLeast("trees", trees, 1, false);
        Params.oneOf("criterion", criterion, "auto", "gini", "entropy", "mse");
        Params.atLeast("max-depth", maxDepth, 0, false);
        Params.atLeast("min-samples-split", minSamplesSplit, 2, false);
        Params.atLeast("min-samples-leaf", minSamplesLeaf, 1, false);
        MaxFeatures.check("max-features", maxFeatures);
    }

    /** 100 trees, criterion auto, no depth limit, min-samples-split 2, min-samples-leaf 1, max-features auto, bootstrap. */
    public static RandomForestParams defaults() {
        return new RandomForestParams(100, "auto", 0, 2, 1, "auto", true);
    }

    /** These params with another number of trees. */
    public RandomForestParams withTrees(int trees) {
        return new RandomForestParams(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap);
    }

    /** These params with another criterion. */
    public RandomForestParams withCriterion(String criterion) {
        return new RandomForestParams(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap);
    }

    /** These params with another max-depth (0 for no limit). */
    public RandomForestParams withMaxDepth(int maxDepth) {
        return new RandomForestParams(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap);
    }

    /** These params with another max-features. */
    public RandomForestParams withMaxFeatures(String maxFeatures) {
        return new RandomForestParams(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap);
    }

    /** These params with or without bootstrap samples. */
    public RandomForestParams withBootstrap(boolean bootstrap) {
        return new RandomForestParams(trees, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap);
    }
}
