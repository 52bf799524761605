package dev.grove.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The reverse-mode engine behind {@link Tensor#backward()}. */
final class Autograd {

    private Autograd() {
    }

    static void backward(Tensor root, Tensor seed) {
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> pending = new IdentityHashMap<>();
        pending.put(root, seed);
        try (var g = Grad.off()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor grad = pending.remove(t);
                if (grad == null) {
                    continue;
                }
                Node node = t.node;
                if (node == null) {
                    t.accumulateGrad(grad);
                    continue;
                }
                Tensor[] inputs = node.inputs();
                Tensor[] inputGrads = node.backward(grad);
                for (int k = 0; k < inputs.length; k++) {
                    Tensor input = inputs[k];
                    Tensor ig = inputGrads[k];
                    if (input == null || ig == null || !input.requiresGrad()) {
                        continue;
                    }
                    if (!java.util.Arrays.equals(ig.shape(), input.shape())) {
                        throw new IllegalStateException("autograd: gradient for input " + k + " of '" + node.op
                                + "' has shape " + Shapes.str(ig.shape()) + " but the input has shape "
                                + Shapes.str(input.shape()));
                    }
                    Tensor previous = pending.get(input);
                    pending.put(input, previous == null ? ig : previous.add(ig));
                }
            }
        } finally {
            for (Tensor t : order) {
                if (t.node != null) {
                    t.node.release();
                }
            }
        }
    }

    /** Tensors reachable from root, each after all tensors it depends on (iterative, no recursion). */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Tensor[] inputs = t.node == null ? new Tensor[0] : t.node.inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Tensor child = inputs[next];
                if (child != null && child.requiresGrad() && visited.add(child)) {
                    stack.push(new Object[] {child, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
