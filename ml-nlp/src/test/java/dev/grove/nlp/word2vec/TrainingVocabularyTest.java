package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary, the rewritten text and the subsampling probabilities, as gensim prepares them. */
class TrainingVocabularyTest {

    @Test
    void wordsBelowMinCountLeaveTheVocabularyAndTheTextBeforeWindowing() {
        Word2VecCorpus corpus = Word2VecCorpus.of(List.of(List.of("b", "a", "b", "c"), List.of("c", "x", "a"),
                List.of("d")));
        TrainingVocabulary vocabulary = TrainingVocabulary.of(corpus, 2);
        // a, b, c each twice: ties keep the order of first appearance (b, a, c); x and d once.
        assertThat(vocabulary.words).containsExactly("b", "a", "c");
        assertThat(vocabulary.counts).containsExactly(2, 2, 2);
        // "c x a" becomes "c a", so c and a are neighbours; the sentence "d" disappears.
        assertThat(vocabulary.tokens).containsExactly(0, 1, 0, 2, 2, 1);
        assertThat(vocabulary.sentenceStarts).containsExactly(0, 4, 6);
        assertThat(vocabulary.trainWords).isEqualTo(6);
    }

    @Test
    void theVocabularyIsSortedByDecreasingCount() {
        Word2VecCorpus corpus = Word2VecCorpus.of(List.of(List.of("rare", "common", "mid", "common", "mid", "common")));
        assertThat(TrainingVocabulary.of(corpus, 1).words).containsExactly("common", "mid", "rare");
    }

    @Test
    void longSentencesAreCutAtGensimsLimit() {
        List<String> words = new ArrayList<>(Collections.nCopies(TrainingVocabulary.MAX_SENTENCE + 5, "w"));
        TrainingVocabulary vocabulary = TrainingVocabulary.of(Word2VecCorpus.of(List.of(words)), 1);
        assertThat(vocabulary.sentenceStarts).containsExactly(0, TrainingVocabulary.MAX_SENTENCE,
                TrainingVocabulary.MAX_SENTENCE + 5);
    }

    /**
     * Counts 60, 30, 10 (100 words). sample 0.01: t = 1, keep = (√(c/t) + 1)·t/c: the 0.1457661,
     * cat 0.2159075, sat 0.4162278. sample 0.1: t = 10: the (√6 + 1)/6 = 0.5749150, sat (1 + 1)·1 = 2 → 1.
     */
    @Test
    void subsamplingKeepsFrequentWordsWithWord2vecsProbability() {
        List<String> text = new ArrayList<>();
        text.addAll(Collections.nCopies(60, "the"));
        text.addAll(Collections.nCopies(30, "cat"));
        text.addAll(Collections.nCopies(10, "sat"));
        TrainingVocabulary vocabulary = TrainingVocabulary.of(Word2VecCorpus.of(List.of(text)), 1);
        float[] keep = vocabulary.keepProbabilities(0.01);
        assertThat((double) keep[0]).isCloseTo(0.1457661, within(1e-6));
        assertThat((double) keep[1]).isCloseTo(0.2159075, within(1e-6));
        assertThat((double) keep[2]).isCloseTo(0.4162278, within(1e-6));
        float[] looser = vocabulary.keepProbabilities(0.1);
        assertThat((double) looser[0]).isCloseTo(0.5749150, within(1e-6));
        assertThat(looser[2]).isEqualTo(1f);
        assertThat(vocabulary.keepProbabilities(0)).containsOnly(1f);
    }

    @Test
    void anEmptyOrTooRareCorpusIsRefusedClearly() {
        assertThatThrownBy(() -> TrainingVocabulary.of(Word2VecCorpus.of(List.of()), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("word2vec: the corpus is empty (no words to train on)");
        assertThatThrownBy(() -> TrainingVocabulary.of(Word2VecCorpus.of(List.of(List.of("a", "b", "a"))), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no word occurs at least min-count = 5 times")
                .hasMessageContaining("2 distinct words, the most frequent seen 2 times");
    }
}
