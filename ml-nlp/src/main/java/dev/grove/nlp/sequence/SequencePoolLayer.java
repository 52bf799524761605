package dev.grove.nlp.sequence;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * A built {@code sequence-pool} layer: [batch, steps, features] to [batch, features] by tensor operations.
 *
 * <p>When the pass marks padding ({@link Pass#padding()}) of the batch's size and steps, only a
 * sample's real (unpadded) steps count: {@code mean} averages them, {@code max} takes the largest of
 * them, {@code first} and {@code last} take the first and the last of them (with padding at the
 * end, {@code last} is the sentence's last token, not the last padded position). A sample that is
 * all padding has no real step and is pooled over all its steps, as without padding.
 */
final class SequencePoolLayer extends AbstractLayer {

    private final int steps;
    private final String mode;

    /** @param inputShape [steps, features] */
    SequencePoolLayer(int[] inputShape, String mode) {
        super(SequencePoolSpec.KIND, inputShape, new int[] {inputShape[1]});
        this.steps = inputShape[0];
        this.mode = mode;
    }

    @Override
    public Tensor forward(Tensor input, Pass pass) {
        checkInput(input);
        Padding padding = pass.padding();
        if (padding != null && padding.fits(input)) {
            return poolRealSteps(input, padding);
        }
        return switch (mode) {
            case "mean" -> input.mean(1);
            case "max" -> input.max(new int[] {1}, false);
            case "first" -> input.slice(1, 0, 1).squeeze(1);
            case "last" -> input.slice(1, steps - 1, steps).squeeze(1);
            default -> throw new IllegalStateException("sequence-pool: unknown mode " + mode);
        };
    }

    /** The pooling over each sample's real steps, or all of its steps when it has none. */
    private Tensor poolRealSteps(Tensor input, Padding padding) {
        int batch = input.dim(0);
        int features = input.dim(2);
        return switch (mode) {
            case "mean" -> input.mul(stepWeights(padding)).sum(1);
            case "max" -> input.add(paddedAtMinusInfinity(padding)).max(new int[] {1}, false);
            case "first", "last" -> input.reshape(batch * steps, features).indexSelect(0, chosenSteps(padding, mode.equals("first")));
            default -> throw new IllegalStateException("sequence-pool: unknown mode " + mode);
        };
    }

    /** {@code [batch, steps, 1]}: 1 / (real steps) at each real step and 0 at padding; 1 / steps everywhere for an all-padding sample. */
    private Tensor stepWeights(Padding padding) {
        int batch = padding.batch();
        float[] weights = new float[batch * steps];
        for (int sample = 0; sample < batch; sample++) {
            int real = padding.realSteps(sample);
            for (int step = 0; step < steps; step++) {
                boolean counted = real == 0 || !padding.isPadded(sample, step);
                weights[sample * steps + step] = counted ? 1f / (real == 0 ? steps : real) : 0f;
            }
        }
        return Tensor.of(weights, batch, steps, 1);
    }

    /** {@code [batch, steps, 1]}: −∞ at padding (so a max never picks it) and 0 elsewhere; all 0 for an all-padding sample. */
    private Tensor paddedAtMinusInfinity(Padding padding) {
        int batch = padding.batch();
        float[] additive = new float[batch * steps];
        for (int sample = 0; sample < batch; sample++) {
            if (padding.realSteps(sample) == 0) {
                continue;
            }
            for (int step = 0; step < steps; step++) {
                additive[sample * steps + step] = padding.isPadded(sample, step) ? Float.NEGATIVE_INFINITY : 0f;
            }
        }
        return Tensor.of(additive, batch, steps, 1);
    }

    /**
     * The row, in the batch's steps flattened to {@code [batch * steps]}, of each sample's first (or
     * last) real step; its first (or last) step for an all-padding sample.
     */
    private int[] chosenSteps(Padding padding, boolean first) {
        int batch = padding.batch();
        int[] rows = new int[batch];
        for (int sample = 0; sample < batch; sample++) {
            int chosen = first ? 0 : steps - 1;
            for (int k = 0; k < steps; k++) {
                int step = first ? k : steps - 1 - k;
                if (!padding.isPadded(sample, step)) {
                    chosen = step;
                    break;
                }
            }
            rows[sample] = sample * steps + chosen;
        }
        return rows;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }
}
