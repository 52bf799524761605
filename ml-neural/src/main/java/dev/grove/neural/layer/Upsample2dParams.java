package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code upsample2d}: nearest-neighbour upsampling of [channels, height, width] images,
 * each pixel repeated as a size×size block, as PyTorch's {@code Upsample(scale_factor=size, mode="nearest")}.
 *
 * @param size the factor on height and width, ≥ 1
 */
public record Upsample2dParams(
        @Doc("Factor on height and width: each pixel becomes a size x size block") @Default("2") @Min(1) int size) {

    /** Validates the factor. */
    public Upsample2dParams {
        Params.atLeast("size", size, 1, false);
    }
}
