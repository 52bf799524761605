package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A built {@code graph}: its nodes run in dependency order; its final activation is the output node's. */
final class GraphLayer extends AbstractLayer {

    /** One node ready to run: its layer, the names of its inputs and how they merge. */
    record Step(String name, Layer layer, List<String> inputs, String merge) {
    }

    private final List<Step> steps;
    private final String output;
    private final List<Child> children;

    /**
     * @param steps    the nodes in an order where each follows its inputs
     * @param output   the name of the node whose output the graph returns
     * @param children the nodes' layers in the declared order
     */
    GraphLayer(int[] inputShape, int[] outputShape, List<Step> steps, String output, List<Child> children) {
        super(GraphSpec.KIND, inputShape, outputShape);
        this.steps = List.copyOf(steps);
        this.output = output;
        this.children = List.copyOf(children);
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        return run(input, pass, false);
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        return run(input, pass, true);
    }

    /** Runs every node; the output node stops before its final activation if {@code beforeActivation}. */
    private Tensor run(Tensor input, Pass pass, boolean beforeActivation) {
        checkInput(input);
        Map<String, Tensor> values = new HashMap<>();
        values.put(GraphParams.INPUT, input);
        for (Step step : steps) {
            Tensor[] inputs = step.inputs().stream().map(values::get).toArray(Tensor[]::new);
            Tensor merged = GraphMerge.apply(step.merge(), inputs);
            boolean stopEarly = beforeActivation && step.name().equals(output);
            values.put(step.name(), stopEarly ? step.layer().forwardBeforeActivation(merged, pass)
                    : step.layer().forward(merged, pass));
        }
        return values.get(output);
    }

    @Override
    public String finalActivation() {
        return steps.stream().filter(step -> step.name().equals(output)).findFirst().orElseThrow().layer().finalActivation();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public List<Child> children() {
        return children;
    }
}
