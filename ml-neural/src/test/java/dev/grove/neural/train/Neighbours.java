package dev.grove.neural.train;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A test-scope model that fills in a token from its neighbours: the scores at position j are
 * {@code left[x(j-1)] + right[x(j+1)]}, two trainable [vocabulary + 1, vocabulary] tables whose last
 * row stands for "no neighbour" at the window's edges.
 */
final class Neighbours extends AbstractLayer {

    private final int steps;
    private final int vocabulary;
    private final Parameter left;
    private final Parameter right;

    Neighbours(int steps, int vocabulary) {
        super("neighbours", new int[] {steps}, new int[] {steps, vocabulary});
        this.steps = steps;
        this.vocabulary = vocabulary;
        this.left = new Parameter("left", Tensor.zeros(vocabulary + 1, vocabulary));
        this.right = new Parameter("right", Tensor.zeros(vocabulary + 1, vocabulary));
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        float[] ids = input.toFloatArray();
        int windows = input.dim(0);
        int[] before = new int[ids.length];
        int[] after = new int[ids.length];
        for (int w = 0; w < windows; w++) {
            for (int j = 0; j < steps; j++) {
                int at = w * steps + j;
                before[at] = j == 0 ? vocabulary : (int) ids[at - 1];
                after[at] = j == steps - 1 ? vocabulary : (int) ids[at + 1];
            }
        }
        Tensor scores = left.value().indexSelect(0, before).add(right.value().indexSelect(0, after));
        return scores.reshape(windows, steps, vocabulary);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(left, right);
    }
}
