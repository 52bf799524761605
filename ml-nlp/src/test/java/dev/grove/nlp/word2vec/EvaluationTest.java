package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analogy and word-pair evaluations, following gensim, on handmade vectors and files. */
class EvaluationTest {

    @TempDir
    Path dir;

    private final WordVectors vectors = HandVectors.royalty();

    /**
     * royalty: "man king woman queen" asks king − man + woman: the best word is "King", which
     * upper-cases like the input KING, so gensim passes to the next, queen: correct; the same in
     * capitals: correct; expecting apple: wrong; a word outside the vocabulary: skipped; a line of
     * five words: skipped. fruit: queen − king + man = (0.683, 0.577, 0.130) is closest to woman
     * (cosine 0.639, "King" 0.570): wrong. Total 2 of 4.
     */
    @Test
    void analogiesAreScoredAsGensimDoes() throws IOException {
        Path file = write("questions.txt", """
                : royalty
                man king woman queen
                MAN KING Woman Queen
                man king woman apple
                man king woman xyzzy
                a line of five words
                : fruit
                king queen man banana
                """);
        AnalogyScore score = vectors.evaluateAnalogies(file, 30_000);
        assertThat(score.accuracy()).isEqualTo(0.5);
        assertThat(score.correct()).isEqualTo(2);
        assertThat(score.evaluated()).isEqualTo(4);
        assertThat(score.outOfVocabulary()).isEqualTo(1);
        assertThat(score.sections()).containsExactly(new AnalogyScore.Section("royalty", 2, 3),
                new AnalogyScore.Section("fruit", 0, 1));
    }

    /** Over the first 4 words (king, queen, man, woman) only: apple, banana and xyzzy questions are skipped, and "King" cannot answer. */
    @Test
    void restrictVocabLimitsTheWordsTakingPart() throws IOException {
        Path file = write("questions.txt", """
                : royalty
                man king woman queen
                man king woman apple
                : fruit
                king queen man banana
                """);
        AnalogyScore score = vectors.evaluateAnalogies(file, 4);
        assertThat(score.accuracy()).isEqualTo(1.0);
        assertThat(score.evaluated()).isEqualTo(1);
        assertThat(score.outOfVocabulary()).isEqualTo(2);
        assertThat(score.sections()).extracting(AnalogyScore.Section::evaluated).containsExactly(1, 0);
    }

    @Test
    void badAnalogyFilesAreRefusedClearly() throws IOException {
        Path headless = write("headless.txt", "man king woman queen\n");
        assertThatThrownBy(() -> vectors.evaluateAnalogies(headless, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word2vec: " + headless + " line 1 comes before the first section header; an analogy file"
                        + " starts with a line ': name'");
        Path unknown = write("unknown.txt", ": s\nfoo bar baz qux\n");
        assertThatThrownBy(() -> vectors.evaluateAnalogies(unknown, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none of the 1 questions");
    }

    /**
     * Pairs scored: king–queen (human 9, cosine 0.775), man–woman (7, 0), apple–banana (5, 0),
     * KING–mAn (3, 0.894). Human ranks (4, 3, 2, 1); model ranks (3, 1.5, 1.5, 4). Centred:
     * (1.5, 0.5, −0.5, −1.5) and (0.5, −1, −1, 1.5): Σ products −1.5, Σ squares 5 and 4.5, so
     * ρ = −1.5 / √22.5 = −0.316228.
     */
    @Test
    void wordPairsAreScoredBySpearmanCorrelation() throws IOException {
        Path file = write("pairs.tsv", """
                # Word 1\tWord 2\tHuman (mean)
                king\tqueen\t9
                man\twoman\t7.0
                apple\tbanana\t5
                KING\tmAn\t3
                king\txyzzy\t5
                not three fields
                king\tqueen\tnot-a-number
                """);
        SimilarityScore score = vectors.evaluateSimilarities(file);
        assertThat(score.spearman()).isCloseTo(-1.5 / Math.sqrt(22.5), within(1e-9));
        assertThat(score.pairs()).isEqualTo(4);
        assertThat(score.outOfVocabulary()).isEqualTo(1);
    }

    @Test
    void aPairFileWithNothingToScoreIsRefused() throws IOException {
        Path file = write("pairs.tsv", "foo\tbar\t3\n");
        assertThatThrownBy(() -> vectors.evaluateSimilarities(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no word pair of " + file + " could be scored (1 pairs with a word not in the vocabulary");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
