package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code graph} container as configured. Its children are its nodes' layers, named by node, in
 * the declared order.
 *
 * @param params its params
 */
public record GraphSpec(GraphParams params) implements LayerSpec {

    /** The component name. */
    public static final String KIND = "graph";

    /** Checks the params are given. */
    public GraphSpec {
        Objects.requireNonNull(params, "params");
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** This graph with each node's layer resolved for {@code schema} (see {@link LayerSpec#forData}). */
    @Override
    public LayerSpec forData(Schema schema) {
        List<GraphParams.Node> nodes = new ArrayList<>(params.nodes().size());
        for (GraphParams.Node node : params.nodes()) {
            LayerSpec layer;
            try {
                layer = node.layer().forData(schema);
            } catch (IllegalArgumentException e) {
                throw LayerBuildError.within(node.name(), e);
            }
            nodes.add(new GraphParams.Node(node.name(), layer, node.inputs(), node.merge()));
        }
        return new GraphSpec(new GraphParams(nodes, params.output()));
    }

    @Override
    public Layer build(int[] inputShape, Rng rng) {
        int[] shape = SampleShapes.checked(KIND, inputShape);
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(GraphParams.INPUT, shape);
        Map<String, Layer> layers = new HashMap<>();
        List<GraphLayer.Step> steps = new ArrayList<>();
        for (GraphParams.Node node : GraphOrder.topological(params.nodes())) {
            Layer layer;
            try {
                List<int[]> inputShapes = node.inputs().stream().map(shapes::get).toList();
                int[] merged = GraphMerge.shape(node.name(), node.merge(), node.inputs(), inputShapes);
                layer = node.layer().build(merged, rng.derive(node.name()));
            } catch (IllegalArgumentException e) {
                throw LayerBuildError.within(node.name(), e);
            }
            shapes.put(node.name(), layer.outputShape());
            layers.put(node.name(), layer);
            steps.add(new GraphLayer.Step(node.name(), layer, node.inputs(), node.merge()));
        }
        List<Layer.Child> children = params.nodes().stream()
                .map(node -> new Layer.Child(node.name(), layers.get(node.name())))
                .toList();
        return new GraphLayer(shape, shapes.get(params.output()), steps, params.output(), children);
    }
}
