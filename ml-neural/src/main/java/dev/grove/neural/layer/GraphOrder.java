package dev.grove.neural.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The order in which a graph's nodes can run: every node after all of its inputs. */
final class GraphOrder {

    private GraphOrder() {
    }

    /**
     * The nodes in an order where each follows its inputs, preferring the declared order among those
     * ready (so a declared chain runs as written).
     *
     * @throws IllegalArgumentException naming the nodes of a cycle (or waiting on one)
     */
    static List<GraphParams.Node> topological(List<GraphParams.Node> nodes) {
        Set<String> done = new HashSet<>();
        done.add(GraphParams.INPUT);
        List<GraphParams.Node> order = new ArrayList<>(nodes.size());
        List<GraphParams.Node> waiting = new ArrayList<>(nodes);
        boolean progressed = true;
        while (!waiting.isEmpty() && progressed) {
            progressed = false;
            for (int i = 0; i < waiting.size(); i++) {
                GraphParams.Node node = waiting.get(i);
                if (done.containsAll(node.inputs())) {
                    order.add(node);
                    done.add(node.name());
                    waiting.remove(i);
                    progressed = true;
                    break;
                }
            }
        }
        if (!waiting.isEmpty()) {
            throw new IllegalArgumentException("graph nodes " + String.join(", ", waiting.stream().map(GraphParams.Node::name).toList())
                    + " form a cycle or wait on one: each needs another's output first");
        }
        return order;
    }
}
