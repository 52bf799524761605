package dev.grove.neural.train;

import dev.grove.api.data.Dataset;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;
import java.util.HashMap;
import java.util.Map;

/**
 * Next-token batches from a token stream (the {@code corpus} source's rows, one token id per row):
 * each sample is a window of {@code length} consecutive tokens {@code x = rows[i, i+T)} and its
 * targets are the tokens that follow each of them, {@code y = rows[i+1, i+T+1)}. Training draws the
 * window starts uniformly (as a PyTorch character-model loop does with {@code torch.randint}), from
 * a stream per step so a resumed run draws the same windows; evaluation cuts the stream into
 * consecutive windows so every token but the first is predicted exactly once. For masked-token
 * training the same windows are drawn and some of their tokens hidden instead. As in
 * {@link Batches}, the tensors are reused per batch size (a masked batch's targets are new).
 */
final class TokenWindows {

    /** The reusable input {@code [windows, T]} and flat targets {@code [windows * T]} of one batch size. */
    private record Buffers(Tensor input, Tensor target) {
    }

    private final float[] tokens;
    private final int length;
    private final Map<Integer, Buffers> buffersBySize = new HashMap<>();

    /**
     * Windows of {@code length} tokens over {@code data}'s rows.
     *
     * @throws IllegalArgumentException if the stream is not longer than one window, or a row is not one token
     */
    TokenWindows(Dataset data, int length, String which) {
        if (data.featureCount() != 1) {
            throw new IllegalArgumentException("train.sequence " + length + " trains on a token stream (one token id per row,"
                    + " as the corpus source gives), but the " + which + " rows have " + data.featureCount() + " features");
        }
        if (data.rows() < length + 1) {
            throw new IllegalArgumentException("train.sequence is " + length + " but the " + which + " stream holds only "
                    + data.rows() + " tokens; it needs at least " + (length + 1) + " (one window and the token after it)");
        }
        this.tokens = new float[data.rows()];
        for (int r = 0; r < tokens.length; r++) {
            tokens[r] = (float) data.feature(r, 0);
        }
        this.length = length;
    }

    /** The window length T. */
    int length() {
        return length;
    }

    /** The number of tokens in the stream. */
    int tokens() {
        return tokens.length;
    }

    /** How many consecutive, non-overlapping windows {@link #consecutive} cuts the stream into. */
    int consecutiveWindows() {
        return (tokens.length - 1) / length;
    }

    /** {@code count} windows starting at uniformly drawn positions. */
    Batches.Batch random(int count, Rng rng) {
        Buffers b = buffersBySize.computeIfAbsent(count, this::newBuffers);
        int starts = tokens.length - length;
        for (int w = 0; w < count; w++) {
            fill(b, w, rng.nextInt(starts));
        }
        return batch(b, count);
    }

    /** Windows {@code first … first + count - 1} of the stream cut into consecutive windows. */
    Batches.Batch consecutive(int first, int count) {
        Buffers b = buffersBySize.computeIfAbsent(count, this::newBuffers);
        for (int w = 0; w < count; w++) {
            fill(b, w, (first + w) * length);
        }
        return batch(b, count);
    }

    /** {@code count} windows at drawn positions with tokens hidden by {@code masking}. */
    Batches.Batch masked(int count, Rng rng, MaskedTokens masking) {
        Buffers b = buffersBySize.computeIfAbsent(count, this::newBuffers);
        int starts = tokens.length - length;
        for (int w = 0; w < count; w++) {
            fill(b, w, rng.nextInt(starts));
        }
        return masking.hide(b.input, count, length, rng);
    }

    /** Windows {@code first … first + count - 1} of the consecutive cut, with tokens hidden by {@code masking}. */
    Batches.Batch maskedConsecutive(int first, int count, Rng rng, MaskedTokens masking) {
        Buffers b = buffersBySize.computeIfAbsent(count, this::newBuffers);
        for (int w = 0; w < count; w++) {
            fill(b, w, (first + w) * length);
        }
        return masking.hide(b.input, count, length, rng);
    }

    private void fill(Buffers b, int window, int start) {
        System.arraycopy(tokens, start, TensorStorage.data(b.input), window * length, length);
        System.arraycopy(tokens, start + 1, TensorStorage.data(b.target), window * length, length);
    }

    /** The batch; its row count is the number of predicted tokens, which losses and accuracy average over. */
    private Batches.Batch batch(Buffers b, int count) {
        return new Batches.Batch(b.input, b.target, TensorStorage.data(b.target), count * length);
    }

    private Buffers newBuffers(int count) {
        return new Buffers(Tensor.zeros(count, length), Tensor.zeros(count * length));
    }
}
