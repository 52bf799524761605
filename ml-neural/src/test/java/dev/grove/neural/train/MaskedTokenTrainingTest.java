package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** Masked-token training ({@code train.mask}): BERT's hiding rule and learning to fill in tokens. */
class MaskedTokenTrainingTest {

    /** Tokens a-e, then <mask> (id 5), which the stream itself never holds. */
    private static final List<String> TOKENS = List.of("a", "b", "c", "d", "e", "<mask>");

    private static Dataset stream(int n, IntUnaryOperator tokenAt, List<String> tokens) {
        float[] ids = new float[n];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = tokenAt.applyAsInt(i);
            targets[i] = ids[i];
        }
        return Dataset.ofFloats(ids, targets, new Schema(List.of("token"), "token", tokens, null, tokens, null));
    }

    private static TrainParams masked(double rate) {
        return TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(0.1, 0.9, 0.999, 1e-8, 0.0)))
                .withSequence(8).withMask(rate).withBatchSize(8).withSteps(150).withValidation(0.2);
    }

    @Test
    void hiddenTokensOfAPeriodicStreamAreFilledInFromTheirNeighbours() {
        Recorder recorder = new Recorder();

        Trainer.train(new Neighbours(8, 6), masked(0.15), stream(2000, i -> i % 5, TOKENS), null,
                RunContext.builder(1).history(recorder).build());

        Recorder.Row last = recorder.rows.get(recorder.rows.size() - 1);
        // A hidden token is known from either neighbour unless both are hidden or changed too.
        assertThat(last.values().get("val/accuracy")).isGreaterThan(0.9);
        assertThat(last.values().get("val/perplexity")).isLessThan(1.5);
    }

    @Test
    void aboutTheFractionAskedIsChosenAndEightyPercentOfItMasked() {
        TokenWindows windows = new TokenWindows(stream(5000, i -> i % 5, TOKENS), 10, "training");
        int chosen = 0;
        int masked = 0;
        int kept = 0;
        for (int step = 0; step < 200; step++) {
            Batches.Batch batch = windows.masked(10, new Rng(step), new MaskedTokens(0.3, 5, 6, -1));
            float[] input = batch.input().toFloatArray();
            for (int i = 0; i < batch.rows(); i++) {
                int at = batch.positions()[i];
                masked += input[at] == 5 ? 1 : 0;
                kept += input[at] == batch.targetValues()[i] ? 1 : 0;
                // The target is the true token: its window neighbour's successor in the cycle a..e.
                int left = at % 10 == 0 ? -1 : (int) input[at - 1];
                if (left >= 0 && left < 5 && !contains(batch.positions(), at - 1)) {
                    assertThat(batch.targetValues()[i]).isEqualTo((left + 1) % 5);
                }
            }
            chosen += batch.rows();
        }
        assertThat(chosen / 20000.0).isCloseTo(0.3, within(0.02));
        assertThat(masked / (double) chosen).isCloseTo(0.8, within(0.02));
        // Kept on purpose (10%) or replaced by the same token at random (10% x 1/6).
        assertThat(kept / (double) chosen).isCloseTo(0.1 + 0.1 / 6, within(0.02));
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rowsOfTokenIdsAreMaskedButNeverTheirPadding() {
        // Rows of 8 ids: a cycle of a..e, then padding (id 6) from a row-dependent point.
        List<String> tokens = List.of("a", "b", "c", "d", "e", "<mask>", "<pad>");
        int rows = 600;
        float[] ids = new float[rows * 8];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < 8; j++) {
                ids[r * 8 + j] = j < 4 + r % 5 ? (r + j) % 5 : 6;
            }
        }
        Dataset data = Dataset.ofFloats(ids, null, new Schema(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7"), null,
                List.of(), List.of(8), tokens, null));
        Recorder recorder = new Recorder();

        Trainer.train(new Neighbours(8, 7), masked(0.15).withSequence(0).withSteps(200), data, null,
                RunContext.builder(1).history(recorder).build());

        Recorder.Row last = recorder.rows.get(recorder.rows.size() - 1);
        assertThat(last.values().get("val/accuracy")).isGreaterThan(0.9);
        Batches.Batch batch = new MaskedTokens(0.5, 5, 7, 6).hide(dev.grove.tensor.Tensor.of(ids.clone(), rows, 8), rows, 8,
                new Rng(1));
        for (int i = 0; i < batch.rows(); i++) {
            assertThat(ids[batch.positions()[i]]).as("chosen position %d", batch.positions()[i]).isNotEqualTo(6);
        }
    }

    @Test
    void everyWindowHidesAtLeastOneToken() {
        TokenWindows windows = new TokenWindows(stream(100, i -> i % 5, TOKENS), 10, "training");

        Batches.Batch batch = windows.masked(4, new Rng(3), new MaskedTokens(1e-9, 5, 6, -1));

        assertThat(batch.rows()).isEqualTo(4);
        for (int w = 0; w < 4; w++) {
            assertThat(batch.positions()[w] / 10).isEqualTo(w);
        }
    }

    @Test
    void masksNeedAMaskTokenAndTokenIds() {
        List<String> noMask = List.of("a", "b", "c", "d", "e", "f");
        assertThatThrownBy(() -> Trainer.train(new Neighbours(8, 6), masked(0.15), stream(200, i -> i % 5, noMask), null,
                RunContext.builder(1).build()))
                .hasMessageContaining("train.mask hides tokens behind <mask>, which the vocabulary (6 tokens) does not hold");
        Dataset table = Dataset.ofFloats(new float[] {1, 2, 3, 4}, new double[] {0, 1},
                new Schema(List.of("a", "b"), "y", List.of("no", "yes")));
        assertThatThrownBy(() -> Trainer.train(new Neighbours(2, 2), masked(0.15).withSequence(0).withValidation(0), table, null,
                RunContext.builder(1).build()))
                .hasMessageContaining("these rows are not token ids (their schema has no vocabulary)");
    }
}
