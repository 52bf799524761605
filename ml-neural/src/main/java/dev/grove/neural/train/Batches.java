package dev.grove.neural.train;

import dev.grove.api.data.Dataset;
import dev.grove.neural.data.Augmentation;
import dev.grove.neural.layer.Padding;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers mini-batches of a dataset into a network's input and target tensors. The tensors are kept
 * per batch size (a full batch and the last partial one) and refilled in place for every batch, so
 * a step allocates nothing here: a step's graph is released by its backward pass before the next
 * batch overwrites them, and nothing else holds on to them.
 */
final class Batches {

    /**
     * One mini-batch: the input {@code [rows, inputShape...]}, the targets, the targets' values, how
     * many predictions they hold, which of the output's predictions (rows of the output flattened
     * to one prediction per row) they are for, or null for all of them in order, and which input
     * positions are padding (null for none).
     */
    record Batch(Tensor input, Tensor target, float[] targetValues, int rows, int[] positions, Padding padding) {

        /** A batch whose targets are for every prediction of the output, without padding. */
        Batch(Tensor input, Tensor target, float[] targetValues, int rows) {
            this(input, target, targetValues, rows, null, null);
        }

        /** A batch whose targets are for the predictions at {@code positions}, without padding. */
        Batch(Tensor input, Tensor target, float[] targetValues, int rows, int[] positions) {
            this(input, target, targetValues, rows, positions, null);
        }

        /** This batch with {@code padding} (null for none). */
        Batch withPadding(Padding padding) {
            return new Batch(input, target, targetValues, rows, positions, padding);
        }
    }

    /** The reusable row indices and tensors for batches of one size. */
    private record Buffers(int[] rows, Tensor input, Tensor target) {
    }

    private final Dataset data;
    private final int[] sampleShape;
    private final int[] inputShape;
    private final boolean targetColumn;
    private final Map<Integer, Buffers> buffersBySize = new HashMap<>();

    /**
     * Batches of {@code data}, each sample shaped {@code inputShape} (the network's) in the input
     * tensor. Class targets become {@code [rows]} indices; values become {@code [rows, 1]} when
     * {@code targetColumn} (a network with one output per sample), else {@code [rows]}.
     */
    Batches(Dataset data, int[] inputShape, boolean targetColumn) {
        this.data = data;
        this.sampleShape = data.schema().sampleShapeArray();
        this.inputShape = inputShape.clone();
        this.targetColumn = targetColumn && !data.schema().isClassification();
    }

    /** The number of rows. */
    int rows() {
        return data.rows();
    }

    /**
     * The batch of rows {@code order[from] … order[from + count - 1]}, altered by {@code augment} in
     * order (each with its own stream derived from {@code rng}; none for validation). The batch's
     * tensors are overwritten by the next batch of the same size.
     */
    Batch load(int[] order, int from, int count, List<Augmentation> augment, Rng rng) {
        Buffers b = buffersBySize.computeIfAbsent(count, this::newBuffers);
        System.arraycopy(order, from, b.rows, 0, count);
        float[] features = TensorStorage.data(b.input);
        float[] targets = TensorStorage.data(b.target);
        data.rowsAsFloats(b.rows, features);
        if (data.hasTargets()) {
            for (int i = 0; i < count; i++) {
                targets[i] = (float) data.target(b.rows[i]);
            }
        }
        for (int i = 0; i < augment.size(); i++) {
            augment.get(i).apply(features, count, sampleShape, rng.derive("augmentation-" + i));
        }
        return new Batch(b.input, b.target, targets, count);
    }

    private Buffers newBuffers(int count) {
        int[] shape = new int[inputShape.length + 1];
        shape[0] = count;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        Tensor target = targetColumn ? Tensor.zeros(count, 1) : Tensor.zeros(count);
        return new Buffers(new int[count], Tensor.zeros(shape), target);
    }
}
