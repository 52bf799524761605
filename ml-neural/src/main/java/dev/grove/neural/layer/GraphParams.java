package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Params of {@code graph}: a small directed acyclic graph of named layers, for networks a plain list
 * cannot express (several branches, skips across blocks). Each node applies its layer to its inputs
 * (the name {@code input} is the graph's input), merged by adding them or by concatenating them on
 * their first axis (channels for images, features for flat input). The graph's output is one node's.
 *
 * <p>The constructor resolves the defaults (a node without inputs takes the previous node's output,
 * the first node the graph's input; no output means the last node) and rejects unknown or duplicate
 * names, cycles, and nodes the output does not depend on.
 *
 * @param nodes  the nodes, at least one
 * @param output the node whose output the graph returns (null for the last node)
 */
public record GraphParams(
        @Doc("The nodes: {name, layer, inputs, merge}; 'input' names the graph's input") List<Node> nodes,
        @Doc("The node whose output the graph returns; the last node if omitted") @Default("null") String output) {

    /** The name by which nodes take the graph's own input. */
    public static final String INPUT = "input";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * One node of a graph.
     *
     * @param name   unique within the graph, letters, digits, '-' and '_'; it names the node's layer in
     *               parameter paths ({@code stem.weight})
     * @param layer  the layer the node applies
     * @param inputs the nodes (or {@code input}) whose outputs it takes; empty for the previous node's
     * @param merge  how several inputs are combined: {@code add} (equal shapes) or {@code concat} (on the first axis)
     */
    public record Node(
            @Doc("The node's name, unique in the graph") String name,
            @Doc("The layer the node applies") @OfKind(Kind.LAYER) LayerSpec layer,
            @Doc("Names of the nodes (or 'input') it takes; omitted: the previous node") @Default("[]") List<String> inputs,
            @Doc("How several inputs combine: add (equal shapes) or concat (on channels / features)")
            @Default("add") @OneOf({"add", "concat"}) String merge) {

        /** Checks the node on its own; {@link GraphParams} checks it against the others. */
        public Node {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(layer, "layer");
            inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
            Params.oneOf("merge", merge, "add", "concat");
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("graph node name must be letters, digits, '-' or '_' (it becomes part of "
                        + "parameter names such as stem.weight), got '" + name + "'");
            }
            if (name.equals(INPUT)) {
                throw new IllegalArgumentException("graph node name 'input' is reserved for the graph's input; rename the node");
            }
        }

        /** A node applying {@code layer} to {@code inputs}, added if there are several. */
        public static Node of(String name, LayerSpec layer, String... inputs) {
            return new Node(name, layer, List.of(inputs), "add");
        }

        /** This node with another merge. */
        public Node withMerge(String merge) {
            return new Node(name, layer, inputs, merge);
        }
    }

    /** Resolves defaults and validates the graph as a whole. */
    public GraphParams {
        Objects.requireNonNull(nodes, "nodes");
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("nodes of graph must hold at least one node");
        }
        nodes = withResolvedInputs(nodes);
        List<String> names = nodes.stream().map(Node::name).toList();
        for (Node node : nodes) {
            for (String input : node.inputs()) {
                if (!input.equals(INPUT) && !names.contains(input)) {
                    throw new IllegalArgumentException("graph node '" + node.name() + "' takes input '" + input
                            + "', which is neither 'input' nor a node (nodes: " + String.join(", ", names) + ")");
                }
            }
        }
        output = output == null ? names.get(names.size() - 1) : output;
        if (!names.contains(output)) {
            throw new IllegalArgumentException("output of graph must name a node (nodes: " + String.join(", ", names)
                    + "), got '" + output + "'");
        }
        GraphOrder.topological(nodes);
        requireAllUsed(nodes, output);
    }

    /** A graph of {@code nodes} whose output is the last node's. */
    public static GraphParams of(Node... nodes) {
        return new GraphParams(List.of(nodes), null);
    }

    private static List<Node> withResolvedInputs(List<Node> nodes) {
        Set<String> seen = new HashSet<>();
        List<Node> resolved = new ArrayList<>(nodes.size());
        String previous = INPUT;
        for (Node node : nodes) {
            Objects.requireNonNull(node, "node");
            if (!seen.add(node.name())) {
                throw new IllegalArgumentException("graph node name '" + node.name() + "' is used by more than one node");
            }
            resolved.add(node.inputs().isEmpty() ? new Node(node.name(), node.layer(), List.of(previous), node.merge()) : node);
            previous = node.name();
        }
        return List.copyOf(resolved);
    }

    /** Rejects nodes the output does not depend on: their layers would hold weights that never train. */
    private static void requireAllUsed(List<Node> nodes, String output) {
        Set<String> used = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(output));
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (used.add(name)) {
                nodes.stream().filter(n -> n.name().equals(name)).forEach(n -> pending.addAll(n.inputs()));
            }
        }
        for (Node node : nodes) {
            if (!used.contains(node.name())) {
                throw new IllegalArgumentException("graph node '" + node.name() + "' does not lead to the output '" + output
                        + "'; use it as an input of another node or remove it");
            }
        }
    }
}
