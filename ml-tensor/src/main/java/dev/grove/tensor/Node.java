package dev.grove.tensor;

/**
 * One recorded op in the autograd graph: the inputs it read and how to turn the gradient of its
 * output into gradients of those inputs. Released (inputs dropped) after a backward pass so the
 * graph's memory can be reclaimed.
 */
final class Node {

    /** Computes input gradients from the output gradient; entries may be null for inputs without grad. */
    @FunctionalInterface
    interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    final String op;
    private Tensor[] inputs;
    private Backward backward;

    Node(String op, Tensor[] inputs, Backward backward) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    Tensor[] inputs() {
        if (inputs == null) {
            throw released();
        }
        return inputs;
    }

    Tensor[] backward(Tensor gradOutput) {
        if (backward == null) {
            throw released();
        }
        return backward.apply(gradOutput);
    }

    boolean isReleased() {
        return inputs == null;
    }

    void release() {
        inputs = null;
        backward = null;
    }

    private IllegalStateException released() {
        return new IllegalStateException("backward through the graph of '" + op
                + "' a second time: the graph is released after backward(); run the forward pass again");
    }
}
