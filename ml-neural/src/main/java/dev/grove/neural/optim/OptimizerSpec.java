package dev.grove.neural.optim;

import dev.grove.neural.layer.Parameter;
import java.util.List;

/** An optimizer as configured: what an OPTIMIZER component's factory returns. */
public interface OptimizerSpec {

    /** The component name, e.g. {@code adam}. */
    String kind();

    /** The base learning rate, which a schedule scales. */
    float learningRate();

    /** A fresh optimizer (zero state) for {@code parameters}. */
    Optimizer create(List<Parameter> parameters);
}
