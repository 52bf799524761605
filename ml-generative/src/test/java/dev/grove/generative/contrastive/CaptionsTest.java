package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The draw of one caption per sample, as mean-pooling weights. */
class CaptionsTest {

    private static final ClassNames NAMES = new ClassNames(List.of("zero", "one"), List.of("0", "1"));
    private static final List<CaptionTemplate> TEMPLATES = List.of(
            CaptionTemplate.parse("a photo of {class}", "captions[1]"),
            CaptionTemplate.parse("the {class}", "captions[2]"));
    private static final Vocabulary VOCABULARY = Vocabulary.of(TEMPLATES, NAMES);

    /** Ids: <unk> 0, a 1, photo 2, of 3, the 4, zero 5, one 6. */
    @Test
    void eachRowIsTheMeanPoolingWeightsOfOneOfTheClassCaptions() {
        float[] weights = new Captions(TEMPLATES, NAMES, VOCABULARY, 0).draw(new int[] {1, 0, 1}, new Rng(3), false)
                .toFloatArray();

        for (int row = 0; row < 3; row++) {
            float[] r = Arrays.copyOfRange(weights, row * 7, row * 7 + 7);
            boolean photo = r[2] > 0;
            float[] expected = photo ? new float[] {0, 0.25f, 0.25f, 0.25f, 0, 0, 0} : new float[] {0, 0, 0, 0, 0.5f, 0, 0};
            expected[row == 1 ? 5 : 6] = photo ? 0.25f : 0.5f;
            assertThat(r).as("row " + row).containsExactly(expected);
        }
    }

    @Test
    void theSameStreamDrawsTheSameCaptionsAndTemplatesAreDrawnAboutEvenly() {
        Captions captions = new Captions(TEMPLATES, NAMES, VOCABULARY, 0.3);
        int[] classes = new int[2000];

        float[] first = captions.draw(classes, new Rng(11), true).toFloatArray();
        float[] second = captions.draw(classes, new Rng(11), true).toFloatArray();

        assertThat(first).containsExactly(second);
        int withThe = 0;
        for (int i = 0; i < classes.length; i++) {
            // "the zero" has two words, "a photo of zero" four: the class word's weight tells them apart.
            if (first[i * 7 + 5] == 0.5f) {
                withThe++;
            }
        }
        // Binomial(2000, 0.5): standard deviation about 22.
        assertThat(withThe).isBetween(900, 1100);
    }

    @Test
    void fixedWordsAreReplacedByUnknownAtTheRateButTheClassWordNever() {
        Captions captions = new Captions(List.of(TEMPLATES.get(0)), NAMES, VOCABULARY, 0.25);
        int[] classes = new int[4000];

        float[] weights = captions.draw(classes, new Rng(5), true).toFloatArray();

        double unknown = 0;
        for (int i = 0; i < classes.length; i++) {
            assertThat(weights[i * 7 + 5]).isEqualTo(0.25f);
            unknown += weights[i * 7] / 0.25;
        }
        // 3 fixed words per caption, each replaced with probability 0.25.
        assertThat(unknown / (3.0 * classes.length)).isCloseTo(0.25, within(0.015));
        float[] kept = captions.draw(classes, new Rng(5), false).toFloatArray();
        for (int i = 0; i < classes.length; i++) {
            assertThat(kept[i * 7]).isZero();
        }
    }
}
