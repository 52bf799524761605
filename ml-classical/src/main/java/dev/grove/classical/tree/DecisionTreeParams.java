package dev.grove.classical.tree;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code decision-tree}, as scikit-learn's {@code DecisionTreeClassifier} and
 * {@code DecisionTreeRegressor}.
 *
 * @param criterion       {@code gini} or {@code entropy} for class targets, {@code mse} for numeric ones;
 *                        {@code auto} picks gini or mse by the target
 * @param maxDepth        deepest node depth (the root has depth 0), ≥ 0; 0 for no limit
 * @param minSamplesSplit nodes with fewer rows are not split, ≥ 2
 * @param minSamplesLeaf  each side of a split keeps at least this many rows, ≥ 1
 * @param maxFeatures     features examined per split: {@code all}, {@code sqrt}, {@code log2}, {@code auto}
 *                        (sqrt for class targets, all for numeric ones), a count such as {@code 10} or a
 *                        fraction of the features such as {@code 0.5}; fewer than all draws them at random
 *                        from the run's stream
 */
public record DecisionTreeParams(
        @Doc("Split quality: gini or entropy for class targets, mse for numeric ones; auto picks gini or mse by the target")
        @Default("auto") @OneOf({"auto", "gini", "entropy", "mse"}) String criterion,
        @Doc("Deepest node depth, the root being depth 0; 0 for no limit")
        @Default("0") @Min(0) int maxDepth,
        @Doc("Nodes with fewer rows than this are not split")
        @Default("2") @Min(2) int minSamplesSplit,
        @Doc("Each side of a split keeps at least this many rows")
        @Default("1") @Min(1) int minSamplesLeaf,
        @Doc("Features examined per split: all, sqrt, log2, auto (sqrt for class targets, all for numeric ones), "
                + "a count such as 10 or a fraction such as 0.5; fewer than all are drawn at random")
        @Default("all") String maxFeatures) {

    /** Validates every param; a bad value throws naming it, e.g. "max-depth must be >= 0, got -1". */
    public DecisionTreeParams {
        Params.oneOf("criterion", criterion, "auto", "gini", "entropy", "mse");
        Params.atLeast("max-depth", maxDepth, 0, false);
        Params.atLeast("min-samples-split", minSamplesSplit, 2, false);
        Params.atLeast("min-samples-leaf", minSamplesLeaf, 1, false);
        MaxFeatures.check("max-features", maxFeatures);
    }

    /** criterion auto, no depth limit, min-samples-split 2, min-samples-leaf 1, all features (scikit-learn's defaults). */
    public static DecisionTreeParams defaults() {
        return new DecisionTreeParams("auto", 0, 2, 1, "all");
    }

    /** These params with another criterion. */
    public DecisionTreeParams withCriterion(String criterion) {
        return new DecisionTreeParams(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
    }

    /** These params with another max-depth (0 for no limit). */
    public DecisionTreeParams withMaxDepth(int maxDepth) {
        return new DecisionTreeParams(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
    }

    /** These params with another min-samples-split. */
    public DecisionTreeParams withMinSamplesSplit(int minSamplesSplit) {
        return new DecisionTreeParams(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
    }

    /** These params with another min-samples-leaf. */
    public DecisionTreeParams withMinSamplesLeaf(int minSamplesLeaf) {
        return new DecisionTreeParams(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
    }

    /** These params with another max-features. */
    public DecisionTreeParams withMaxFeatures(String maxFeatures) {
        return new DecisionTreeParams(criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures);
    }
}
