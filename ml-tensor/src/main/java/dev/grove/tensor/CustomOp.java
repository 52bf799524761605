package dev.grove.tensor;

import java.util.Objects;

/**
 * Fused autograd ops defined outside this module: a layer computes its output in one pass over
 * arrays (a whole recurrent sequence, an embedding lookup) and supplies the matching backward pass,
 * instead of recording dozens of small ops. The op then takes part in {@link Tensor#backward()} like
 * any built-in op.
 *
 * <pre>{@code
 * // out = x * y + x, with d/dx = g * (y + 1) and d/dy = g * x
 * Tensor out = CustomOp.apply("mul-add", x.mul(y).add(x).detach(),
 *         g -> new Tensor[] {g.mul(y.add(1f)), g.mul(x)}, x, y);
 * }</pre>
 *
 * <p>Rules for the caller:
 * <ul>
 *   <li>{@code output} is a fresh tensor no graph knows yet (computed under {@link Grad#off()}, or
 *       detached); the op records it as produced from {@code inputs}.</li>
 *   <li>The backward maps the gradient of the output (same shape as the output) to one gradient per
 *       input, in the order of {@code inputs}, each of its input's shape; an entry may be null for an
 *       input that does not require grad (or receives none). It runs with gradient recording off,
 *       once, and must not modify the output gradient or the inputs.</li>
 *   <li>Nothing is recorded, and the backward is dropped, when recording is off
 *       ({@link Grad#off()}) or no input requires grad: {@link #recording} tells a caller in advance,
 *       so it can skip saving what only the backward needs.</li>
 * </ul>
 */
public final class CustomOp {

    /** Turns the gradient of a custom op's output into the gradients of its inputs. */
    @FunctionalInterface
    public interface Backward {

        /**
         * The gradients of the inputs, one entry per input in the order given to
         * {@link CustomOp#apply} (null for an input that gets none).
         *
         * @param gradOutput the gradient of the loss with respect to the op's output
         */
        Tensor[] apply(Tensor gradOutput);
    }

    private CustomOp() {
    }

    /**
     * Whether an op on {@code inputs} would be recorded now: gradient recording is on and at least
     * one input requires grad.
     */
    public static boolean recording(Tensor... inputs) {
        if (!Grad.isEnabled()) {
            return false;
        }
        for (Tensor input : inputs) {
            if (input != null && input.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records {@code output} as computed by the op {@code name} from {@code inputs}, when
     * {@link #recording} says so, and returns it.
     *
     * @param name     the op's name, shown in errors and in {@code toString} ({@code grad_fn=name})
     * @param output   the op's result, not yet part of any graph
     * @param backward the op's gradient (see the class comment)
     * @param inputs   the tensors the output was computed from; null entries are allowed and ignored
     * @throws IllegalArgumentException if {@code output} already belongs to a graph or requires grad
     */
    public static Tensor apply(String name, Tensor output, Backward backward, Tensor... inputs) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(backward, "backward");
        Objects.requireNonNull(inputs, "inputs");
        if (output.node != null || output.requiresGrad()) {
            throw new IllegalArgumentException("custom op '" + name + "': the output must be a fresh tensor outside any graph"
                    + " (compute it under Grad.off() or detach it), but it " + (output.node != null
                    ? "was produced by '" + output.node.op + "'" : "requires grad"));
        }
        Tensor[] saved = inputs.clone();
        Node.Backward checked = gradOutput -> {
            Tensor[] grads = backward.apply(gradOutput);
            if (grads == null || grads.length != saved.length) {
                throw new IllegalStateException("custom op '" + name + "': its backward returned "
                        + (grads == null ? "null" : grads.length + " gradients") + " for " + saved.length + " inputs");
            }
            return grads;
        };
        return Tensor.record(output, name, checked, saved);
    }
}
