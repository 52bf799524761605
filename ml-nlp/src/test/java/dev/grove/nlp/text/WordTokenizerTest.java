package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.nlp.text.WordTokenizer.Punctuation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The word tokenizer's rules, on sentences tokenized by hand. */
class WordTokenizerTest {

    private static final WordTokenizer SPLIT = WordTokenizer.standard();

    @Test
    void splitMakesEachPunctuationMarkATokenAndKeepsApostrophesInsideWords() {
        assertThat(SPLIT.tokenize("Don't stop, O'Clock!"))
                .containsExactly("don't", "stop", ",", "o'clock", "!");
        assertThat(SPLIT.tokenize("It\u2019s late...")).containsExactly("it\u2019s", "late", ".", ".", ".");
    }

    @Test
    void numbersKeepTheirDecimalPointsAndThousandsSeparators() {
        assertThat(SPLIT.tokenize("It costs $3.14, or 1,000 yen in 2003."))
                .containsExactly("it", "costs", "$", "3.14", ",", "or", "1,000", "yen", "in", "2003", ".");
    }

    @Test
    void apostrophesAndHyphensAtTheEdgeOfAWordArePunctuation() {
        assertThat(SPLIT.tokenize("'Tis the dogs' well-known word--word"))
                .containsExactly("'", "tis", "the", "dogs", "'", "well-known", "word", "-", "-", "word");
        assertThat(SPLIT.tokenize("U.S. co-writer/director"))
                .containsExactly("u", ".", "s", ".", "co-writer", "/", "director");
    }

    @Test
    void stripDropsPunctuationButNotApostrophesInsideWords() {
        WordTokenizer strip = new WordTokenizer(true, Punctuation.STRIP, true);
        assertThat(strip.tokenize("Hello, world! Don't -- 'quote' 3.5.")).containsExactly("hello", "world", "don't",
                "quote", "3.5");
    }

    @Test
    void keepCutsAtWhiteSpaceOnly() {
        WordTokenizer keep = new WordTokenizer(true, Punctuation.KEEP, true);
        assertThat(keep.tokenize("Hello, world!\t (yes) --")).containsExactly("hello,", "world!", "(yes)", "--");
    }

    @Test
    void lowercasingIsOptionalAndCoversNonAsciiLetters() {
        WordTokenizer cased = new WordTokenizer(false, Punctuation.SPLIT, true);
        assertThat(cased.tokenize("Hello World")).containsExactly("Hello", "World");
        assertThat(SPLIT.tokenize("Caf\u00c9 NA\u00cfVE \u00c5sa")).containsExactly("caf\u00e9", "na\u00efve", "\u00e5sa");
    }

    @Test
    void combiningMarksStayInTheirWord() {
        assertThat(SPLIT.tokenize("cafe\u0301 ok")).containsExactly("cafe\u0301", "ok");
    }

    @Test
    void eachLineBreakBecomesTheLineEndTokenWhenKept() {
        assertThat(SPLIT.tokenize("a b\r\n\nc")).containsExactly("a", "b", "</s>", "</s>", "c");
        WordTokenizer drop = new WordTokenizer(true, Punctuation.SPLIT, false);
        assertThat(drop.tokenize("a b\r\n\nc")).containsExactly("a", "b", "c");
    }

    @Test
    void joinPutsSpacesBetweenTokensAndLineBreaksForLineEnds() {
        assertThat(SPLIT.join(List.of("hello", ",", "world", "</s>", "next", "line")))
                .isEqualTo("hello , world\nnext line");
        assertThat(SPLIT.join(SPLIT.tokenize("one two\nthree"))).isEqualTo("one two\nthree");
    }

    @Test
    void emptyAndBlankTextsHaveNoTokens() {
        assertThat(SPLIT.tokenize("")).isEmpty();
        assertThat(SPLIT.tokenize(" \t ")).isEmpty();
    }

    @Test
    void anUnknownPunctuationRuleIsRejectedByName() {
        assertThatThrownBy(() -> Punctuation.named("remove"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("split, strip, keep").hasMessageContaining("'remove'");
    }
}
