package dev.grove.nlp.text;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code char} tokenizer: every Unicode code point is a token, white space and line breaks
 * included, with its case as written. {@link #join} concatenates, so joining the tokens of a text
 * gives the text back exactly.
 */
public final class CharTokenizer implements Tokenizer {

    /** The tokens of the ASCII characters, made once so that tokenizing English allocates nothing. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    @Override
    public String name() {
        return "char";
    }

    @Override
    public void tokenize(CharSequence text, Consumer<String> sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128) {
                sink.accept(ASCII[c]);
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                sink.accept(text.subSequence(i, i + 2).toString());
                i += 2;
            } else {
                sink.accept(String.valueOf(c));
                i++;
            }
        }
    }

    @Override
    public String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String token : tokens) {
            sb.append(token);
        }
        return sb.toString();
    }

    @Override
    public TokenizerState state() {
        return new TokenizerState(name(), Map.of(), List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharTokenizer;
    }

    @Override
    public int hashCode() {
        return CharTokenizer.class.hashCode();
    }

    @Override
    public String toString() {
        return "char tokenizer";
    }
}
