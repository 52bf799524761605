package dev.grove.neural.layer;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.Arrays;
import java.util.List;

/**
 * Which positions of a batch of token sequences are padding ({@code <pad>} tokens that only fill a
 * short sentence up to {@code max-length}), as PyTorch's {@code src_key_padding_mask}: attention
 * gives padded keys no weight and {@code sequence-pool} leaves padded steps out, so a padded
 * sentence gives the same outputs at its real positions as the unpadded sentence would.
 *
 * <p>A layer applies it only to inputs {@code [batch, steps, ...]} whose batch and steps match;
 * others (e.g. image patches) are left as they are.
 *
 * @param padded whether position {@code [sample, step]} is padding, sample-major
 *               ({@code padded[sample * steps + step]}); not copied, so callers must not change it
 * @param batch  the number of samples
 * @param steps  the number of positions per sample
 */
public record Padding(boolean[] padded, int batch, int steps) {

    /** The reserved token that fills short sequences. */
    public static final String PAD = "<pad>";

    /** Checks the sizes agree. */
    public Padding {
        if (batch < 1 || steps < 1 || padded == null || padded.length != batch * steps) {
            throw new IllegalArgumentException("padding: needs batch * steps flags for batch >= 1 and steps >= 1, got "
                    + (padded == null ? "none" : padded.length) + " flags for batch " + batch + " and steps " + steps);
        }
    }

    /**
     * The padding of a batch of token-id rows {@code [batch, steps]}: where the id is {@code padId}.
     *
     * @return the padding, or null when no position is padding (or {@code padId} is negative: no padding token)
     */
    public static Padding of(Tensor tokenIds, int padId) {
        if (padId < 0 || tokenIds.rank() != 2) {
            return null;
        }
        float[] ids = TensorStorage.data(tokenIds);
        int batch = tokenIds.dim(0);
        int steps = tokenIds.dim(1);
        boolean[] padded = null;
        for (int i = 0; i < batch * steps; i++) {
            if (ids[i] == padId) {
                if (padded == null) {
                    padded = new boolean[batch * steps];
                }
                padded[i] = true;
            }
        }
        return padded == null ? null : new Padding(padded, batch, steps);
    }

    /**
     * The id of {@code <pad>} when rows of {@code schema} are token-id sequences (a vocabulary holding
     * {@code <pad>} and samples of one axis of ids), or -1 when they are not.
     */
    public static int padId(Schema schema) {
        List<String> vocabulary = schema.vocabulary();
        return schema.sampleShapeArray().length == 1 ? vocabulary.indexOf(PAD) : -1;
    }

    /** Whether this padding describes {@code input}: a tensor {@code [batch, steps, ...]} of the same batch and steps. */
    public boolean fits(Tensor input) {
        return input.rank() >= 2 && input.dim(0) == batch && input.dim(1) == steps;
    }

    /** Whether position {@code step} of sample {@code sample} is padding. */
    public boolean isPadded(int sample, int step) {
        return padded[sample * steps + step];
    }

    /** The number of positions of {@code sample} that are not padding. */
    public int realSteps(int sample) {
        int real = 0;
        for (int step = 0; step < steps; step++) {
            real += padded[sample * steps + step] ? 0 : 1;
        }
        return real;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Padding p && p.batch == batch && p.steps == steps && Arrays.equals(p.padded, padded);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * batch + steps) + Arrays.hashCode(padded);
    }

    @Override
    public String toString() {
        return "Padding[batch " + batch + ", steps " + steps + "]";
    }
}
