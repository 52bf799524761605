package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code conv2d}, a 2-D convolution (cross-correlation, as PyTorch's {@code Conv2d}) of
 * [channels, height, width] images with square kernels.
 *
 * <p>{@code valid} adds no padding, so a k×k kernel takes k − 1 off each side length; {@code same}
 * pads (k − 1) / 2 zeros on every side (the kernel must be odd), so the output keeps the input's size
 * at stride 1, and is ⌈size / stride⌉ otherwise (the padding-1, stride-2 convolutions of ResNet).
 *
 * @param filters    output channels, ≥ 1
 * @param kernel     side of the square kernel, ≥ 1
 * @param stride     step between kernel positions, ≥ 1
 * @param padding    {@code valid} or {@code same}
 * @param activation applied after the convolution and bias (one of {@link Activation#NAMES})
 * @param useBias    whether a bias per filter is learned
 * @param init       how the kernel is drawn (see {@link Initializer}); the bias starts at 0
 * @param l1         L1 penalty coefficient on the kernel, ≥ 0
 * @param l2         L2 penalty coefficient on the kernel, ≥ 0
 */
public record Conv2dParams(
        @Doc("Output channels (number of kernels)") @Min(1) int filters,
        @Doc("Side of the square kernel, e.g. 3 for 3x3") @Min(1) int kernel,
        @Doc("Step between kernel positions") @Default("1") @Min(1) int stride,
        @Doc("valid (no padding) or same ((kernel-1)/2 zeros on every side; odd kernels only)")
        @Default("valid") @OneOf({"valid", "same"}) String padding,
        @Doc("Activation applied after the convolution")
        @Default("linear") @OneOf({"linear", "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu", "heaviside"})
        String activation,
        @Doc("Learn a bias per filter") @Default("true") boolean useBias,
        @Doc("Initial kernel: glorot-uniform, glorot-normal, he-uniform or he-normal; the bias starts at 0")
        @Default("glorot-uniform") @OneOf({"glorot-uniform", "glorot-normal", "he-uniform", "he-normal"}) String init,
        @Doc("L1 penalty coefficient on the kernel (sum of |w|), added to the loss") @Default("0.0") @Min(0) double l1,
        @Doc("L2 penalty coefficient on the kernel (sum of w^2), added to the loss") @Default("0.0") @Min(0) double l2) {

    /** Validates every param; {@code same} padding with an even kernel is rejected. */
    public Conv2dParams {
        Params.atLeast("filters", filters, 1, false);
        Params.atLeast("kernel", kernel, 1, false);
        Params.atLeast("stride", stride, 1, false);
        Params.oneOf("padding", padding, "valid", "same");
        if (padding.equals("same") && kernel % 2 == 0) {
            throw new IllegalArgumentException("padding same needs an odd kernel (3, 5, ...) so the zeros split evenly "
                    + "between the sides, got kernel " + kernel + "; use an odd kernel or padding valid");
        }
        Activation.named(activation);
        Initializer.named(init);
        Penalties.check(l1, l2);
    }

    /** {@code filters} kernels of {@code kernel}×{@code kernel}, stride 1, with the given padding and activation. */
    public static Conv2dParams of(int filters, int kernel, String padding, String activation) {
        return new Conv2dParams(filters, kernel, 1, padding, activation, true, "glorot-uniform", 0, 0);
    }

    /** Zeros added on each side of the image. */
    int paddingSize() {
        return padding.equals("same") ? (kernel - 1) / 2 : 0;
    }
}
