package dev.grove.neural.layer;

import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code inception}, GoogLeNet's block on [channels, height, width] images: four branches
 * whose outputs are concatenated on channels, each convolution followed by a relu and padded to keep
 * height and width. GoogLeNet's block 3a is b1 64, b3-reduce 96, b3 128, b5-reduce 16, b5 32,
 * pool-proj 32.
 *
 * @param b1       filters of the 1x1 branch
 * @param b3Reduce filters of the 1x1 convolution before the 3x3 one
 * @param b3       filters of the 3x3 branch
 * @param b5Reduce filters of the 1x1 convolution before the 5x5 one
 * @param b5       filters of the 5x5 branch
 * @param poolProj filters of the 1x1 convolution after the 3x3 max pooling (stride 1)
 */
public record InceptionParams(
        @Doc("Filters of the 1x1 branch") @Min(1) int b1,
        @Doc("Filters of the 1x1 reduction before the 3x3 branch") @Min(1) int b3Reduce,
        @Doc("Filters of the 3x3 branch") @Min(1) int b3,
        @Doc("Filters of the 1x1 reduction before the 5x5 branch") @Min(1) int b5Reduce,
        @Doc("Filters of the 5x5 branch") @Min(1) int b5,
        @Doc("Filters of the 1x1 projection after the 3x3 max pooling") @Min(1) int poolProj) {

    /** Validates every param. */
    public InceptionParams {
        Params.atLeast("b1", b1, 1, false);
        Params.atLeast("b3-reduce", b3Reduce, 1, false);
        Params.atLeast("b3", b3, 1, false);
        Params.atLeast("b5-reduce", b5Reduce, 1, false);
        Params.atLeast("b5", b5, 1, false);
        Params.atLeast("pool-proj", poolProj, 1, false);
    }

    /** Output channels of the block: b1 + b3 + b5 + pool-proj. */
    public int outputChannels() {
        return b1 + b3 + b5 + poolProj;
    }
}
