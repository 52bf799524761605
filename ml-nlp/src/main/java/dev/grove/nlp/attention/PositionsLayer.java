package dev.grove.nlp.attention;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code positions} layer: adds rows 0..steps−1 of its table to the steps of each sample.
 * Batches may have fewer steps than the layer was built for (a short prompt).
 */
final class PositionsLayer extends AbstractLayer {

    private final Tensor table;
    private final Parameter learned;

    /**
     * @param table   [max-steps, features]
     * @param learned the table as a trained parameter, or null for a fixed (sinusoidal) one
     */
    PositionsLayer(int[] shape, Tensor table, Parameter learned) {
        super(PositionsSpec.KIND, shape, shape);
        this.table = table;
        this.learned = learned;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        int steps = SequenceShapes.checkBatch(this, input);
        return input.add(steps == table.dim(0) ? table : table.slice(0, 0, steps));
    }

    @Override
    public List<Parameter> parameters() {
        return learned == null ? List.of() : List.of(learned);
    }
}
