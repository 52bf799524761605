package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The char tokenizer: one token per code point, and an exact round trip. */
class CharTokenizerTest {

    private final CharTokenizer chars = new CharTokenizer();

    @Test
    void everyCodePointIsATokenSpacesAndLineBreaksIncluded() {
        assertThat(chars.tokenize("Hi !\n")).containsExactly("H", "i", " ", "!", "\n");
        assertThat(chars.tokenize("\u00e5\ud83d\ude00x")).containsExactly("\u00e5", "\ud83d\ude00", "x");
    }

    @Test
    void joiningTheTokensGivesTheTextBackExactly() {
        String text = "First Citizen:\nBefore we proceed,\tany further, hear me speak.\r\n\u00c5 \ud83d\ude00 ";
        assertThat(chars.join(chars.tokenize(text))).isEqualTo(text);
        assertThat(chars.tokenize(text)).hasSize(text.codePointCount(0, text.length()));
    }
}
