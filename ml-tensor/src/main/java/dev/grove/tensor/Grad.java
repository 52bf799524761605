package dev.grove.tensor;

/**
 * Switches gradient recording off for a scope, like PyTorch's {@code no_grad}:
 * <pre>{@code
 * try (var g = Grad.off()) {
 *     weights.subInPlace(weights.grad().mul(learningRate));
 * }
 * }</pre>
 * The switch belongs to the calling thread: graphs are recorded by the thread that runs the forward
 * pass, while kernel worker threads never record anything.
 */
public final class Grad implements AutoCloseable {

    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private boolean closed;

    private Grad() {
        DISABLED_DEPTH.get()[0]++;
    }

    /** Starts a scope in which no op records a graph. Close it to restore the previous mode. */
    public static Grad off() {
        return new Grad();
    }

    /** Whether ops on this thread currently record a graph. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DISABLED_DEPTH.get()[0]--;
        }
    }
}
