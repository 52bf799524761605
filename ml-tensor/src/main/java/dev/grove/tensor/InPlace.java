package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;

/** The few in-place updates optimizers need; never recorded in a graph. */
final class InPlace {

    private InPlace() {
    }

    static void addScaled(Tensor target, Tensor other, float alpha) {
        Tensor source = java.util.Arrays.equals(other.shape, target.shape) ? other : broadcastOrFail(other, target);
        var k = KernelSelector.active();
        Elementwise.chunked(target.data.length, (from, to) -> k.axpy(alpha, source.data, from, target.data, from, to - from));
    }

    static void scale(Tensor target, float factor) {
        var k = KernelSelector.active();
        Elementwise.chunked(target.data.length, (from, to) -> k.affine(target.data, from, factor, 0f, target.data, from, to - from));
    }

    private static Tensor broadcastOrFail(Tensor other, Tensor target) {
        int[] shape = Shapes.broadcast("addInPlace", target.shape, other.shape);
        if (!java.util.Arrays.equals(shape, target.shape)) {
            throw new IllegalArgumentException("addInPlace: shape " + Shapes.str(other.shape)
                    + " does not broadcast to the target shape " + Shapes.str(target.shape));
        }
        try (var g = Grad.off()) {
            return other.broadcastTo(target.shape);
        }
    }
}
