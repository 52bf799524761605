package dev.grove.tensor.storage;

import dev.grove.tensor.Tensor;
import java.util.function.Function;

/**
 * The array behind a tensor, for fused in-place updates that no tensor op expresses in one pass
 * (an optimizer's moment updates). Exported only to {@code dev.grove.neural}: everything else goes
 * through {@link Tensor}'s operations, which keep autograd correct.
 */
public final class TensorStorage {

    private static Function<Tensor, float[]> access;

    private TensorStorage() {
    }

    /**
     * Installs the accessor; {@link Tensor} does this once, when it is initialised.
     *
     * @throws IllegalStateException if one is already installed
     */
    public static synchronized void install(Function<Tensor, float[]> accessor) {
        if (access != null) {
            throw new IllegalStateException("TensorStorage: the accessor is already installed");
        }
        access = accessor;
    }

    /**
     * The row-major array behind {@code tensor}, shared, not copied. Writes bypass autograd: make
     * them only under {@link dev.grove.tensor.Grad#off()}, to tensors that are not part of a graph
     * being differentiated (parameters between steps, optimizer state).
     */
    public static float[] data(Tensor tensor) {
        if (access == null) {
            // Touching the class runs its initialiser, which installs the accessor.
            tensor.size();
        }
        return access.apply(tensor);
    }
}
