package dev.grove.nlp.layer;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/** A built {@code rnn}, {@code lstm} or {@code gru} layer: its parameters and cell, run by {@link ThroughTime}. */
final class RecurrentLayer extends AbstractLayer {

    private final RecurrentCell cell;
    private final RecurrentParams params;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    RecurrentLayer(String kind, RecurrentCell cell, int[] inputShape, int[] outputShape, RecurrentParams params,
                   Parameter weightIh, Parameter weightHh, Parameter biasIh, Parameter biasHh) {
        super(kind, inputShape, outputShape);
        this.cell = cell;
        this.params = params;
        this.weightIh = weightIh;
        this.weightHh = weightHh;
        this.biasIh = biasIh;
        this.biasHh = biasHh;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        return ThroughTime.apply(kind(), cell, input, weightIh.value(), weightHh.value(), biasIh.value(), biasHh.value(),
                params.returnSequences(), params.truncate());
    }

    /** weight-ih, weight-hh, bias-ih, bias-hh (PyTorch's order). */
    @Override
    public List<Parameter> parameters() {
        return List.of(weightIh, weightHh, biasIh, biasHh);
    }
}
