package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.Arrays;

/** Checks and arithmetic on per-sample shapes (no batch axis), with messages that name the layer. */
final class SampleShapes {

    private SampleShapes() {
    }

    /** A shape as {@code [3, 32, 32]}. */
    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Number of values in one sample of {@code shape}. */
    static int size(int[] shape) {
        int size = 1;
        for (int dim : shape) {
            size = Math.multiplyExact(size, dim);
        }
        return size;
    }

    /**
     * A copy of {@code shape} after checking it is a usable sample shape: at least one dimension, every
     * dimension at least 1.
     */
    static int[] checked(String kind, int[] shape) {
        if (shape == null || shape.length == 0) {
            throw new IllegalArgumentException(kind + " needs an input shape with at least one dimension, got "
                    + (shape == null ? "none" : "[]"));
        }
        for (int dim : shape) {
            if (dim < 1) {
                throw new IllegalArgumentException(kind + " needs every input dimension to be at least 1, got " + str(shape));
            }
        }
        return shape.clone();
    }

    /** Checks that {@code shape} is an image {@code [channels, height, width]}. */
    static int[] requireImage(String kind, int[] shape) {
        int[] checked = checked(kind, shape);
        if (checked.length != 3) {
            throw new IllegalArgumentException(kind + " needs [channels, height, width] input, got " + str(shape));
        }
        return checked;
    }

    /** {@code [batch, sample...]}. */
    static int[] batched(int batch, int[] sample) {
        int[] shape = new int[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    /** Checks that {@code input} is a batch of samples shaped {@code sample}, naming the layer otherwise. */
    static void checkBatch(String kind, int[] sample, Tensor input) {
        int[] shape = input.shape();
        boolean matches = shape.length == sample.length + 1;
        for (int i = 0; matches && i < sample.length; i++) {
            matches = shape[i + 1] == sample[i];
        }
        if (!matches) {
            throw new IllegalArgumentException(kind + " was built for input [batch, " + str(sample).substring(1)
                    + ", got a tensor of shape " + str(shape));
        }
    }
}
