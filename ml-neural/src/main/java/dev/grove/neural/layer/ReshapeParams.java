package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@code reshape}: each sample is viewed with another shape holding the same number of
 * values, in row-major order (e.g. a decoder's flat [1568] as an image [32, 7, 7]).
 *
 * @param shape the per-sample output shape (no batch axis), every dimension at least 1
 */
public record ReshapeParams(
        @Doc("Per-sample output shape (no batch axis), e.g. [32, 7, 7]; it must hold as many values as the input")
        @Default("[]") List<Integer> shape) {

    /** Checks the shape has at least one dimension and every dimension is at least 1. */
    public ReshapeParams {
        shape = List.copyOf(Objects.requireNonNull(shape, "shape"));
        if (shape.isEmpty()) {
            throw new IllegalArgumentException(ReshapeSpec.KIND + ": shape needs at least one dimension, e.g. [32, 7, 7]");
        }
        for (int dim : shape) {
            if (dim < 1) {
                throw new IllegalArgumentException(ReshapeSpec.KIND + ": every dimension of shape must be at least 1, got "
                        + shape);
            }
        }
    }

    /** Params reshaping each sample to {@code shape}. */
    public static ReshapeParams of(int... shape) {
        return new ReshapeParams(Arrays.stream(shape).boxed().toList());
    }

    /** The shape as an array. */
    int[] toArray() {
        return shape.stream().mapToInt(Integer::intValue).toArray();
    }
}
