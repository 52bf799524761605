package dev.grove.nlp.word2vec;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/**
 * The float loops of word2vec's inner updates, run by Grove's tensor kernels (the Vector API ones,
 * of the preferred vector shape, when jdk.incubator.vector is present). Plain Java loops would not
 * do: C2 does not vectorise {@code y[yo + i] += a·x[xo + i]} when x and y might be one array at
 * two offsets, which is exactly the case of rows of the vector tables, and it does not vectorise a
 * float dot product at all. Both kernels are deterministic: the order of operations depends only on
 * the length.
 */
final class VectorMath {

    /** A constant to the JIT, so the calls below are bound to one class and inlined. */
    private static final Kernels KERNELS = KernelSelector.active();

    private VectorMath() {
    }

    /** Σ x[xOffset + i]·y[yOffset + i] over i in [0, n). */
    static float dot(float[] x, int xOffset, float[] y, int yOffset, int n) {
        return KERNELS.dot(x, xOffset, y, yOffset, n);
    }

    /** y[yOffset + i] += a·x[xOffset + i] for i in [0, n). */
    static void axpy(float a, float[] x, int xOffset, float[] y, int yOffset, int n) {
        KERNELS.axpy(a, x, xOffset, y, yOffset, n);
    }
}
