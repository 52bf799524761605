package dev.grove.neural.network;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A test-scope causal language model with fixed weights: at every position of a window of token ids
 * it outputs the row of {@code logits} for the token there, so token t is followed by token u with
 * probability softmax(logits[t])[u].
 */
final class LookupBigram implements Layer {

    private final int steps;
    private final Parameter table;

    LookupBigram(int steps, float[][] logits) {
        this.steps = steps;
        this.table = new Parameter("table", Tensor.of(logits));
    }

    @Override
    public String kind() {
        return "lookup-bigram";
    }

    @Override
    public int[] inputShape() {
        return new int[] {steps};
    }

    @Override
    public int[] outputShape() {
        return new int[] {steps, table.value().dim(1)};
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        float[] ids = input.toFloatArray();
        int[] rows = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = (int) ids[i];
        }
        return table.value().indexSelect(0, rows).reshape(input.dim(0), steps, table.value().dim(1));
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(table);
    }
}
