package dev.grove.tensor.kernel;

/**
 * A source of {@link Kernels}, found with {@link java.util.ServiceLoader}. Discovery must be cheap
 * and free of side effects: {@link #isSupported()} answers from metadata only, and the kernels are
 * built by {@link #create()} only for the provider that is chosen.
 */
public interface KernelProvider {

    /** The name a user forces with {@code -Dgrove.kernels=NAME}. */
    String name();

    /** Higher wins when several providers are supported and none is forced. */
    int priority();

    /** Whether this provider can run here (modules present, hardware and JIT suitable). */
    boolean isSupported();

    /** Why {@link #isSupported()} is false, for error messages; empty when supported. */
    String unsupportedReason();

    /** Builds the kernels. Called at most once per selection. */
    Kernels create();
}
