package dev.grove.nlp.layer;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.CustomOp;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.List;

/**
 * A built {@code embedding} layer: each token id of a [batch, steps] input selects a row of the
 * [vocab-size, dim] weight. One fused op: the forward copies rows, the backward adds each output
 * row's gradient into the row it came from (in input order, so the sums are deterministic) — the
 * gradient of a one-hot product without building the one-hot matrix.
 */
final class EmbeddingLayer extends AbstractLayer {

    private final Parameter weight;

    /** @param weight [vocab-size, dim] */
    EmbeddingLayer(int steps, Parameter weight) {
        super(EmbeddingSpec.KIND, new int[] {steps}, new int[] {steps, weight.value().dim(1)});
        this.weight = weight;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        int batch = input.dim(0);
        int steps = input.dim(1);
        Tensor table = weight.value();
        int vocabulary = table.dim(0);
        int dim = table.dim(1);
        int[] rows = tokenIds(TensorStorage.data(input), steps, vocabulary);
        float[] w = TensorStorage.data(table);
        Tensor output = Tensor.zeros(batch, steps, dim);
        float[] out = TensorStorage.data(output);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(w, rows[i] * dim, out, i * dim, dim);
        }
        return CustomOp.apply("embedding", output, gradOutput -> {
            float[] g = TensorStorage.data(gradOutput);
            Tensor gradWeight = Tensor.zeros(vocabulary, dim);
            float[] gw = TensorStorage.data(gradWeight);
            for (int i = 0; i < rows.length; i++) {
                int target = rows[i] * dim;
                int source = i * dim;
                for (int j = 0; j < dim; j++) {
                    gw[target + j] += g[source + j];
                }
            }
            return new Tensor[] {gradWeight};
        }, table);
    }

    /** The ids as ints, after checking each is a whole number in [0, vocabulary). */
    private static int[] tokenIds(float[] values, int steps, int vocabulary) {
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            int id = (int) value;
            if (id != value || id < 0 || id >= vocabulary) {
                throw new IllegalArgumentException(EmbeddingSpec.KIND + ": token id " + (value == id ? String.valueOf(id) : String.valueOf(value)) + " at [" + i / steps + ", "
                        + i % steps + "] (sample, step) is outside the vocabulary of " + vocabulary + " tokens (ids 0 to "
                        + (vocabulary - 1) + ")");
            }
            ids[i] = id;
        }
        return ids;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight);
    }
}
