package dev.grove.neural.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classification;
import dev.grove.neural.train.Bigram;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A language model's next-token probabilities over a stream, and text generation from a prompt. */
class NetworkLanguageModelTest {

    private static final List<String> TOKENS = List.of("a", "b", "c", "d");

    /** Token t is followed by t + 1 (mod 4) with probability e^4 / (e^4 + 3) ≈ 0.948. */
    private static final float[][] CYCLE = {{0, 4, 0, 0}, {0, 0, 4, 0}, {0, 0, 0, 4}, {4, 0, 0, 0}};

    private static NetworkLanguageModel model(float[][] logits) {
        Schema stream = new Schema(List.of("token"), "token", TOKENS, null, TOKENS, Map.of("component", "char"));
        return (NetworkLanguageModel) NetworkModel.of(stream, new Bigram(3, logits), Map.of(), 3, 0);
    }

    private static Dataset stream(float... ids) {
        double[] targets = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            targets[i] = ids[i];
        }
        return Dataset.ofFloats(ids, targets, new Schema(List.of("token"), "token", TOKENS, null, TOKENS, null));
    }

    @Test
    void everyRowButTheFirstIsPredictedFromTheTokenBeforeIt() {
        double likely = Math.exp(4) / (Math.exp(4) + 3);
        // Eight rows: windows [0, 3), [3, 6) and a last partial one [6, 7) predict rows 1-7.
        Classification c = model(CYCLE).classify(stream(0, 1, 2, 3, 0, 1, 2, 0));

        assertThat(c.probabilities()[0]).containsExactly(0.25, 0.25, 0.25, 0.25);
        for (int row = 1; row < 8; row++) {
            int previous = new int[] {0, 1, 2, 3, 0, 1, 2, 0}[row - 1];
            assertThat(c.probabilities()[row][(previous + 1) % 4]).as("row %d", row).isCloseTo(likely, within(1e-6));
            assertThat(c.classes()[row]).isEqualTo((previous + 1) % 4);
        }
    }

    @Test
    void aColdTemperatureOrTopOneFollowsTheMostLikelyPath() {
        NetworkLanguageModel model = model(CYCLE);

        assertThat(model.generate(new int[] {2}, 6, 0.01, 0, 5)).containsExactly(3, 0, 1, 2, 3, 0);
        assertThat(model.generate(new int[] {0, 1, 2}, 4, 1.0, 1, 5)).containsExactly(3, 0, 1, 2);
        assertThat(model.contextLength()).isEqualTo(3);
    }

    @Test
    void drawsFollowTheTemperedDistributionCutToTheTopK() {
        // After any token: logits ln 4, ln 2, ln 1, and a token that is never likely (ln 1e-9).
        float[] row = {(float) Math.log(4), (float) Math.log(2), 0, (float) Math.log(1e-9)};
        NetworkLanguageModel model = model(new float[][] {row, row, row, row});

        int[] topTwo = model.generate(new int[] {0}, 3000, 1.0, 2, 11);
        int[] counts = new int[4];
        for (int token : topTwo) {
            counts[token]++;
        }
        // Cut to the top two, 4 : 2 renormalises to 2/3 and 1/3.
        assertThat(counts[2] + counts[3]).isZero();
        assertThat(counts[0] / 3000.0).isCloseTo(2 / 3.0, within(0.03));

        // Temperature 0.5 squares the odds: 16 : 4 : 1 over the first three.
        int[] hot = model.generate(new int[] {0}, 3000, 0.5, 0, 12);
        int first = 0;
        for (int token : hot) {
            first += token == 0 ? 1 : 0;
        }
        assertThat(first / 3000.0).isCloseTo(16 / 21.0, within(0.03));
    }

    @Test
    void theSameSeedGivesTheSameTokensAndAnotherSeedOthers() {
        float[][] flat = new float[4][4];
        NetworkLanguageModel model = model(flat);

        assertThat(model.generate(new int[] {1}, 40, 1.0, 0, 3)).containsExactly(model.generate(new int[] {1}, 40, 1.0, 0, 3));
        assertThat(model.generate(new int[] {1}, 40, 1.0, 0, 3)).isNotEqualTo(model.generate(new int[] {1}, 40, 1.0, 0, 4));
    }

    @Test
    void badPromptsAndSettingsAreRefusedWithWhatIsAllowed() {
        NetworkLanguageModel model = model(CYCLE);

        assertThatThrownBy(() -> model.generate(new int[] {0, 1, 2, 3}, 1, 1.0, 0, 0))
                .hasMessageContaining("the prompt must hold 1 to 3 tokens (the model's context), got 4");
        assertThatThrownBy(() -> model.generate(new int[] {0, 7}, 1, 1.0, 0, 0))
                .hasMessageContaining("prompt token 2 has id 7, outside the vocabulary of 4 tokens");
        assertThatThrownBy(() -> model.generate(new int[] {0}, 1, 0.0, 0, 0))
                .hasMessageContaining("the temperature must be above 0, got 0.0");
    }

    @Test
    void theStateRecordsTheWindowLength() {
        assertThat(model(CYCLE).state().attribute("sequence")).isEqualTo("3");
    }
}
