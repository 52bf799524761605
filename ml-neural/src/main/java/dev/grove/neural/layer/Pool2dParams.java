package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code max-pool2d} and {@code avg-pool2d}: the largest or the mean value of each
 * size×size window of every channel, as PyTorch's {@code MaxPool2d} and {@code AvgPool2d}.
 *
 * @param size    side of the square window, ≥ 1
 * @param stride  step between windows, or 0 for the window size (non-overlapping windows)
 * @param padding positions added on every side, at most size / 2; max pooling never picks them,
 *                average pooling counts them as zeros (PyTorch's default)
 */
public record Pool2dParams(
        @Doc("Side of the square pooling window") @Default("2") @Min(1) int size,
        @Doc("Step between windows; 0 means the window size") @Default("0") @Min(0) int stride,
        @Doc("Positions added on every side (at most size/2); avg-pool2d counts them as zeros")
        @Default("0") @Min(0) int padding) {

    /** Validates every param. */
    public Pool2dParams {
        Params.atLeast("size", size, 1, false);
        Params.atLeast("stride", stride, 0, false);
        Params.atLeast("padding", padding, 0, false);
        if (padding * 2 > size) {
            throw new IllegalArgumentException("padding must be at most size/2 (" + size / 2 + " for size " + size
                    + ") so every window holds an input value, got " + padding);
        }
    }

    /** size×size windows, stride = size, no padding. */
    public static Pool2dParams of(int size) {
        return new Pool2dParams(size, 0, 0);
    }

    /** The step between windows, resolving 0 to the window size. */
    public int effectiveStride() {
        return stride == 0 ? size : stride;
    }
}
