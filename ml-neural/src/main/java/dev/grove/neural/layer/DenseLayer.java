package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A built {@code dense} layer: activation(x·W + b) on the last axis of each sample, one matrix product
 * (over every row of the batch, all steps of a sequence included) and one broadcast add per batch.
 * W is its own parameter, or the transpose of an earlier layer's [units, inputs] weight (tied).
 */
final class DenseLayer extends ActivatedLayer {

    /** [inputs, units], or null when tied. */
    private final Parameter weight;
    /** The shared [units, inputs] weight of a tied layer, or null. */
    private final Parameter tiedTable;
    private final Parameter bias;

    /**
     * @param inputShape [..., inputs]
     * @param weight     [inputs, units]
     * @param bias       [units], or null for none
     */
    DenseLayer(int[] inputShape, Parameter weight, Parameter bias, Activation activation) {
        this(inputShape, weight, null, bias, activation);
    }

    private DenseLayer(int[] inputShape, Parameter weight, Parameter tiedTable, Parameter bias, Activation activation) {
        super(DenseSpec.KIND, inputShape, withLastAxis(inputShape,
                weight != null ? weight.value().dim(1) : tiedTable.value().dim(0)), activation);
        this.weight = weight;
        this.tiedTable = tiedTable;
        this.bias = bias;
    }

    /** A layer whose W is {@code table} ([units, inputs], another layer's parameter) transposed. */
    static DenseLayer tied(int[] inputShape, Parameter table, Parameter bias, Activation activation) {
        return new DenseLayer(inputShape, null, table, bias, activation);
    }

    /**
     * W, [inputs, units]: the own weight, or the tied table transposed and scaled by 1/√inputs (fresh
     * ops each pass, so gradients reach the table). The scale is T5's: embeddings start N(0, 1), so
     * unscaled scores of a layer-normed input would start with a standard deviation of √inputs (8 for
     * d = 64, an initial loss near 36 nats) instead of about 1.
     */
    private Tensor weightMatrix() {
        return weight != null ? weight.value()
                : tiedTable.value().transpose(0, 1).mul((float) (1 / Math.sqrt(tiedTable.value().dim(1))));
    }

    @Override
    public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
        checkInput(input);
        Tensor product = input.matmul(weightMatrix());
        return bias == null ? product : product.add(bias.value());
    }

    /**
     * The pre-activation output for {@code rows}, a {@code [n, inputs]} matrix of feature vectors taken
     * from any positions of any samples: the dense layer acts on the last axis alone, so it can be
     * applied to just the positions that matter (e.g. the hidden tokens of masked-token training).
     */
    Tensor forwardRowsBeforeActivation(Tensor rows) {
        int inputs = inputShape()[inputShape().length - 1];
        if (rows.rank() != 2 || rows.dim(1) != inputs) {
            throw new IllegalArgumentException(DenseSpec.KIND + ": rows must be [n, " + inputs + "], got "
                    + java.util.Arrays.toString(rows.shape()));
        }
        Tensor product = rows.matmul(weightMatrix());
        return bias == null ? product : product.add(bias.value());
    }

    private static int[] withLastAxis(int[] shape, int size) {
        int[] out = shape.clone();
        out[out.length - 1] = size;
        return out;
    }

    @Override
    public List<Parameter> parameters() {
        // A tied layer's W belongs to the layer it is tied to: listed (saved, updated, penalised) once, there.
        List<Parameter> own = new ArrayList<>(2);
        if (weight != null) {
            own.add(weight);
        }
        if (bias != null) {
            own.add(bias);
        }
        return List.copyOf(own);
    }
}
