package dev.grove.generative.contrastive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The contrastive model's word tokenizer: text is lower-cased ({@link Locale#ROOT} rules) and cut at
 * every code point that is not a letter or a digit, so {@code "A photo of the number 7!"} gives
 * {@code [a, photo, of, the, number, 7]}. Punctuation and white space never make tokens.
 */
public final class WordTokens {

    private WordTokens() {
    }

    /** The words of {@code text}, in order; empty when it holds no letter or digit. */
    public static List<String> of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(codePoint);
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
