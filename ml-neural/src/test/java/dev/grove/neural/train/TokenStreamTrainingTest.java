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

/** Next-token training on a token stream ({@code train.sequence}): windows, perplexity, hold-out by position. */
class TokenStreamTrainingTest {

    private static final List<String> TOKENS = List.of("a", "b", "c", "d");

    /** A stream of {@code n} token ids, one per row, as the corpus source lays it out. */
    private static Dataset stream(int n, IntUnaryOperator tokenAt) {
        float[] ids = new float[n];
        double[] targets = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = tokenAt.applyAsInt(i);
            targets[i] = ids[i];
        }
        return Dataset.ofFloats(ids, targets, new Schema(List.of("token"), "token", TOKENS, null, TOKENS, null));
    }

    private static TrainParams windows(int length, long steps, double validation) {
        return TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(0.1, 0.9, 0.999, 1e-8, 0.0)))
                .withSequence(length).withBatchSize(4).withSteps(steps).withValidation(validation);
    }

    @Test
    void aPeriodicStreamIsPredictedExactlyAndItsPerplexityFallsToOne() {
        Recorder recorder = new Recorder();

        Trainer.train(new Bigram(8, 4), windows(8, 200, 0.25), stream(400, i -> i % 4), null,
                RunContext.builder(1).history(recorder).build());

        Recorder.Row last = recorder.rows.get(recorder.rows.size() - 1);
        assertThat(last.values().get("val/accuracy")).isEqualTo(1.0);
        assertThat(last.values().get("val/perplexity")).isBetween(1.0, 1.05);
        assertThat(last.values().get("train/perplexity")).isCloseTo(Math.exp(last.values().get("train/loss")), within(1e-9));
        // 300 training tokens in windows of 8, 4 per step: ceil(299 / 32) = 10 steps make an epoch.
        assertThat(recorder.rows).hasSize(20);
    }

    @Test
    void tokensDrawnIndependentlyAndUniformlyLeaveAPerplexityOfTheVocabularySize() {
        Rng rng = new Rng(7);
        int[] ids = new int[6000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rng.nextInt(4);
        }
        Recorder recorder = new Recorder();

        Trainer.train(new Bigram(16, 4), windows(16, 150, 0.2), stream(ids.length, i -> ids[i]), null,
                RunContext.builder(1).history(recorder).build());

        // No token says anything about the next: the best model is the uniform one, perplexity 4.
        double perplexity = recorder.rows.get(recorder.rows.size() - 1).values().get("val/perplexity");
        assertThat(perplexity).isBetween(3.9, 4.3);
    }

    @Test
    void theHeldOutValidationTokensAreTheStreamsLastOnes() {
        // The first 300 tokens cycle a, b, c; the last 100 are all d. Held out by position, the
        // model never sees d followed by d, so it cannot predict the validation stream.
        Recorder recorder = new Recorder();

        Trainer.train(new Bigram(8, 4), windows(8, 100, 0.25), stream(400, i -> i < 300 ? i % 3 : 3), null,
                RunContext.builder(1).history(recorder).build());

        Recorder.Row last = recorder.rows.get(recorder.rows.size() - 1);
        assertThat(last.values().get("train/accuracy")).isGreaterThan(0.99);
        assertThat(last.values().get("val/accuracy")).isLessThan(0.05);
    }

    @Test
    void consecutiveWindowsPredictEveryTokenButTheFirstOnce() {
        TokenWindows windows = new TokenWindows(stream(10, i -> i % 4), 3, "training");

        Batches.Batch batch = windows.consecutive(0, windows.consecutiveWindows());

        assertThat(windows.consecutiveWindows()).isEqualTo(3);
        assertThat(batch.input().toFloatArray()).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0);
        assertThat(batch.targetValues()).containsExactly(1, 2, 3, 0, 1, 2, 3, 0, 1);
        assertThat(batch.rows()).isEqualTo(9);
    }

    @Test
    void aNetworkOrStreamThatDoesNotFitTheWindowsIsRefusedWithTheShapes() {
        RunContext context = RunContext.builder(1).build();
        Dataset data = stream(100, i -> i % 4);

        assertThatThrownBy(() -> Trainer.train(new Bigram(5, 4), windows(8, 10, 0), data, null, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must take windows of shape [8], but it takes [5]");
        assertThatThrownBy(() -> Trainer.train(new Bigram(8, 3), windows(8, 10, 0), stream(100, i -> i % 3), null, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the vocabulary holds 4 tokens, so the network must output [8, 4]");
        assertThatThrownBy(() -> Trainer.train(new Bigram(8, 4), windows(8, 10, 0), stream(8, i -> i % 4), null, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the training stream holds only 8 tokens; it needs at least 9");
    }
}
