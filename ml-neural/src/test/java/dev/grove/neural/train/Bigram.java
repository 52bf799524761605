package dev.grove.neural.train;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A test-scope bigram language model: windows of {@code steps} token ids in, for every position a
 * row of scores over the {@code vocabulary} out, looked up in a trainable [vocabulary, vocabulary]
 * table by the token at that position. It can learn exactly which token follows which.
 */
final class Bigram implements Layer {

    private final int steps;
    private final int vocabulary;
    private final Parameter table;

    Bigram(int steps, int vocabulary) {
        this.steps = steps;
        this.vocabulary = vocabulary;
        this.table = new Parameter("table", Tensor.zeros(vocabulary, vocabulary));
    }

    @Override
    public String kind() {
        return "bigram";
    }

    @Override
    public int[] inputShape() {
        return new int[] {steps};
    }

    @Override
    public int[] outputShape() {
        return new int[] {steps, vocabulary};
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        float[] ids = input.toFloatArray();
        int[] rows = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = (int) ids[i];
        }
        return table.value().indexSelect(0, rows).reshape(input.dim(0), steps, vocabulary);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(table);
    }
}
