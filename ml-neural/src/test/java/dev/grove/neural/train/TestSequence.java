package dev.grove.neural.train;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A test-scope sequential container, written against the {@link Layer} contract only: its children
 * run one after another and its final activation is its last child's. Shared by the trainer's and
 * the estimator's test doubles so that both stay independent of the layer package's containers.
 */
public interface TestSequence extends Layer {

    /** The layers it runs, in order; at least one. */
    @Override
    List<Child> children();

    /** None: a container's parameters are its children's. */
    @Override
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Every child's forward pass in turn. */
    @Override
    default Tensor forward(Tensor input, Pass pass) {
        Tensor x = input;
        for (Child child : children()) {
            x = child.layer().forward(x, pass);
        }
        return x;
    }

    /** As {@link #forward}, but the last child stops before its final activation. */
    @Override
    default Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        List<Child> children = children();
        Tensor x = input;
        for (int i = 0; i < children.size() - 1; i++) {
            x = children.get(i).layer().forward(x, pass);
        }
        return children.get(children.size() - 1).layer().forwardBeforeActivation(x, pass);
    }

    /** The last child's. */
    @Override
    default String finalActivation() {
        return children().get(children().size() - 1).layer().finalActivation();
    }
}
