package dev.grove.neural.train;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A test-scope bigram language model: windows of {@code steps} token ids in, for every position a
 * row of scores over the vocabulary out, looked up in a trainable [vocabulary, vocabulary] table by
 * the token at that position, so token t is followed by token u with probability softmax(table[t])[u].
 * It can learn exactly which token follows which. Shared by the trainer's and the estimator's tests.
 */
public final class Bigram extends AbstractLayer {

    private final int steps;
    private final int vocabulary;
    private final Parameter table;

    /** A bigram over {@code vocabulary} tokens whose scores all start at 0. */
    public Bigram(int steps, int vocabulary) {
        this(steps, new float[vocabulary][vocabulary]);
    }

    /** A bigram whose table starts at {@code logits} [vocabulary, vocabulary]. */
    public Bigram(int steps, float[][] logits) {
        super("bigram", new int[] {steps}, new int[] {steps, logits.length});
        this.steps = steps;
        this.vocabulary = logits.length;
        this.table = new Parameter("table", Tensor.of(logits));
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
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
