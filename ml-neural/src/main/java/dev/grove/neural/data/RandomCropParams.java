package dev.grove.neural.data;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of the {@code random-crop} augmentation (see {@link RandomCrop}).
 *
 * @param padding zeros added on each side before a window of the original size is cut out
 */
public record RandomCropParams(
        @Doc("Zero pixels added on each side of the image before a window of the original size is cut out at"
                + " random (4 is the usual CIFAR recipe; 0 leaves samples unchanged)")
        @Default("4") @Min(0) int padding) {

    /** Validates {@code padding}. */
    public RandomCropParams {
        Params.atLeast("padding", padding, 0, false);
    }

    /** The default: padding 4. */
    public static RandomCropParams defaults() {
        return new RandomCropParams(4);
    }
}
