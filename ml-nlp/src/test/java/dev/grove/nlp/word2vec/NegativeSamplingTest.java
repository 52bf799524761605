package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word2vec update rule against hand-computed steps. */
class NegativeSamplingTest {

    private static final double EXACT = 1e-6;

    @Test
    void theSigmoidIsWord2vecsTable() {
        assertThat(SigmoidTable.sigmoid(0f)).isEqualTo(0.5f);
        // -0.25 falls in table step 479, whose point is (2·479/1000 − 1)·6 = −0.252.
        assertThat((double) SigmoidTable.sigmoid(-0.25f)).isCloseTo(1 / (1 + Math.exp(0.252)), within(1e-7));
        assertThat(SigmoidTable.sigmoid(6.5f)).isEqualTo(1f);
        assertThat(SigmoidTable.sigmoid(-6.5f)).isEqualTo(0f);
        assertThat((double) SigmoidTable.sigmoid(5.9999995f)).isCloseTo(1 / (1 + Math.exp(-6)), within(1e-4));
    }

    /**
     * h = (0.5, −0.25), positive target u0 = (0.2, 0.4), negative u1 = (−0.4, 0.2), α = 0.1.
     * Target 0: f = 0, σ = 0.5, g = 0.05; e = g·u0 = (0.01, 0.02); u0 += g·h = (0.225, 0.3875).
     * Target 1: f = −0.25, σ(−0.252) = 0.4373313, g = −0.0437331; e += g·u1; u1 += g·h.
     */
    @Test
    void onePositiveAndOneNegativeTargetUpdateAsByHand() {
        float[] input = {0.5f, -0.25f};
        float[] output = {0.2f, 0.4f, -0.4f, 0.2f};
        float[] inputUpdate = new float[2];
        NegativeSampling.train(input, 0, output, new int[] {0, 1}, 2, 0.1f, 2, inputUpdate);

        assertThat((double) output[0]).isCloseTo(0.225, within(EXACT));
        assertThat((double) output[1]).isCloseTo(0.3875, within(EXACT));
        assertThat((double) output[2]).isCloseTo(-0.4218666, within(EXACT));
        assertThat((double) output[3]).isCloseTo(0.2109333, within(EXACT));
        assertThat((double) inputUpdate[0]).isCloseTo(0.0274933, within(EXACT));
        assertThat((double) inputUpdate[1]).isCloseTo(0.0112534, within(EXACT));
        assertThat(input).containsExactly(0.5f, -0.25f);
    }

    @Test
    void aSaturatedPredictionChangesNothingForItsLabel() {
        float[] input = {2f, 2f};
        float[] output = {2f, 2f};
        float[] inputUpdate = new float[2];
        NegativeSampling.train(input, 0, output, new int[] {0}, 1, 0.1f, 2, inputUpdate);
        assertThat(output).containsExactly(2f, 2f);
        assertThat(inputUpdate).containsExactly(0f, 0f);
    }

    /**
     * Skip-gram on the one-sentence corpus "a b" (window 1, no negatives, no subsampling, so no
     * random draw matters), from hand-set vectors, lr 0.5: centre a trains input b towards a,
     * then centre b trains input a towards b. The vectors are chosen so that both dot products
     * are 0: σ = 0.5 and g = 0.25 each time.
     */
    @Test
    void skipGramTrainsEachContextWordTowardsItsCentreWord() {
        float[] input = {0.1f, 0.2f, 0.3f, -0.1f};
        float[] output = {0.1f, 0.3f, 0.2f, -0.1f};
        runOneEpoch(Word2VecParams.SKIP_GRAM, List.of("a", "b"), input, output);

        // Pair (b → a): e = 0.25·u_a = (0.025, 0.075); u_a += 0.25·v_b; v_b += e.
        assertThat((double) output[0]).isCloseTo(0.175, within(EXACT));
        assertThat((double) output[1]).isCloseTo(0.275, within(EXACT));
        assertThat((double) input[2]).isCloseTo(0.325, within(EXACT));
        assertThat((double) input[3]).isCloseTo(-0.025, within(EXACT));
        // Pair (a → b): e = 0.25·u_b = (0.05, −0.025); u_b += 0.25·v_a; v_a += e.
        assertThat((double) output[2]).isCloseTo(0.225, within(EXACT));
        assertThat((double) output[3]).isCloseTo(-0.05, within(EXACT));
        assertThat((double) input[0]).isCloseTo(0.15, within(EXACT));
        assertThat((double) input[1]).isCloseTo(0.175, within(EXACT));
    }

    /**
     * CBOW on "a b c" (window 1): centre a has context {b}, centre b the mean of {a, c}, centre c
     * {b}; each context word gets the whole update e (cbow_mean=1). Vectors chosen so that each
     * dot product is 0 when it is taken.
     */
    @Test
    void cbowTrainsTheMeanOfTheContextAndGivesEachContextWordTheUpdate() {
        // v_a, v_b, v_c; u_a, u_b, u_c.
        float[] input = {0.2f, 0.0f, 0.0f, 0.4f, -0.2f, 0.0f};
        float[] output = {0.5f, 0.0f, 0.0f, 0.3f, 0.0f, -0.5f};
        runOneEpoch(Word2VecParams.CBOW, List.of("a", "b", "c"), input, output);

        // Centre a: h = v_b = (0, 0.4), h·u_a = 0, g = 0.25; e = (0.125, 0); u_a = (0.5, 0.1); v_b = (0.125, 0.4).
        // Centre b: h = (v_a + v_c)/2 = (0, 0), g = 0.25; e = 0.25·u_b = (0, 0.075); u_b unchanged;
        //           v_a = (0.2, 0.075), v_c = (−0.2, 0.075).
        // Centre c: h = v_b = (0.125, 0.4), h·u_c = −0.2, in table step 483: σ at (2·483/1000 − 1)·6 = −0.204;
        //           e = g·u_c; u_c += g·h; v_b += e.
        double g = (1 - 1 / (1 + Math.exp(0.204))) * 0.5;
        assertThat((double) output[0]).isCloseTo(0.5, within(EXACT));
        assertThat((double) output[1]).isCloseTo(0.1, within(EXACT));
        assertThat((double) output[2]).isCloseTo(0.0, within(EXACT));
        assertThat((double) output[3]).isCloseTo(0.3, within(EXACT));
        assertThat((double) output[4]).isCloseTo(g * 0.125, within(EXACT));
        assertThat((double) output[5]).isCloseTo(-0.5 + g * 0.4, within(EXACT));
        assertThat((double) input[0]).isCloseTo(0.2, within(EXACT));
        assertThat((double) input[1]).isCloseTo(0.075, within(EXACT));
        assertThat((double) input[2]).isCloseTo(0.125, within(EXACT));
        assertThat((double) input[3]).isCloseTo(0.4 - 0.5 * g, within(EXACT));
        assertThat((double) input[4]).isCloseTo(-0.2, within(EXACT));
        assertThat((double) input[5]).isCloseTo(0.075, within(EXACT));
    }

    /** One epoch of one worker over a one-sentence corpus with window 1, no negatives, no subsampling, lr 0.5. */
    private static void runOneEpoch(String mode, List<String> sentence, float[] input, float[] output) {
        Word2VecParams params = Word2VecParams.defaults(mode).withDim(2).withWindow(1).withNegative(0).withSample(0)
                .withMinCount(1).withEpochs(1).withLr(0.5, 0.0001);
        TrainingVocabulary vocabulary = TrainingVocabulary.of(Word2VecCorpus.of(List.of(sentence)), 1);
        assertThat(vocabulary.words).containsExactlyElementsOf(sentence);
        new TrainingWorker(params, vocabulary, input, output, vocabulary.keepProbabilities(0),
                UnigramTable.of(vocabulary.counts), 0, 1, 42, new SharedProgress(1, 1, TrainingMonitor.NONE)).run();
    }
}
