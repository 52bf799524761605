package dev.grove.neural.train;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;

/**
 * Hides tokens of a batch of token-id samples for masked-token training, BERT's way: every token
 * but padding is chosen with probability {@code rate} (one token of a sample at random when none
 * is), and a chosen token becomes {@code <mask>} with probability 0.8, a random token with
 * probability 0.1, or stays; the targets are the chosen tokens' true ids, at the positions
 * (sample-major) where they sit.
 *
 * @param rate       the fraction of tokens chosen
 * @param maskId     the id of {@code <mask>}
 * @param vocabulary the number of tokens, for the random replacements
 * @param padId      the id of {@code <pad>}, never chosen, or -1 when there is none
 */
record MaskedTokens(double rate, int maskId, int vocabulary, int padId) {

    /**
     * Hides tokens of the {@code count} samples of {@code length} ids in {@code batch} in place and
     * returns the batch with their targets and positions.
     */
    Batches.Batch hide(Tensor batch, int count, int length, Rng rng) {
        float[] input = dev.grove.tensor.storage.TensorStorage.data(batch);
        int[] chosen = new int[count * length];
        int n = 0;
        for (int s = 0; s < count; s++) {
            int before = n;
            int tokens = 0;
            for (int j = 0; j < length; j++) {
                int at = s * length + j;
                if (input[at] != padId) {
                    tokens++;
                    if (rng.nextDouble() < rate) {
                        chosen[n++] = at;
                    }
                }
            }
            if (n == before && tokens > 0) {
                chosen[n++] = s * length + nthToken(input, s * length, length, rng.nextInt(tokens));
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("train.mask: a batch of " + count + " samples holds only padding; there is"
                    + " no token to hide (drop empty samples from the data)");
        }
        int[] positions = Arrays.copyOf(chosen, n);
        float[] targets = new float[n];
        for (int i = 0; i < n; i++) {
            int at = positions[i];
            targets[i] = input[at];
            double u = rng.nextDouble();
            if (u < 0.8) {
                input[at] = maskId;
            } else if (u < 0.9) {
                input[at] = rng.nextInt(vocabulary);
            }
        }
        return new Batches.Batch(batch, Tensor.of(targets, n), targets, n, positions);
    }

    /** The offset in the sample of its {@code k}-th token that is not padding. */
    private int nthToken(float[] input, int start, int length, int k) {
        int seen = 0;
        for (int j = 0; j < length; j++) {
            if (input[start + j] != padId && seen++ == k) {
                return j;
            }
        }
        throw new IllegalStateException("unreachable: fewer than " + (k + 1) + " tokens");
    }
}
