package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTokensTest {

    @Test
    void textIsLowerCasedAndCutAtEveryNonLetterOrDigit() {
        assertThat(WordTokens.of("A photo of the Number 7!")).containsExactly("a", "photo", "of", "the", "number", "7");
        assertThat(WordTokens.of("hand-written,  don't\tstop")).containsExactly("hand", "written", "don", "t", "stop");
        assertThat(WordTokens.of("x2y 42")).containsExactly("x2y", "42");
    }

    @Test
    void lettersOfOtherScriptsAreWordsAndLowerCasingIgnoresTheLocale() {
        assertThat(WordTokens.of("ÉCOLE Zwölf ИМЯ")).containsExactly("école", "zwölf", "имя");
        assertThat(WordTokens.of("TITLE")).containsExactly("title");
    }

    @Test
    void textWithoutLettersOrDigitsHasNoWords() {
        assertThat(WordTokens.of("")).isEmpty();
        assertThat(WordTokens.of(" ,.;!? ")).isEmpty();
    }
}
