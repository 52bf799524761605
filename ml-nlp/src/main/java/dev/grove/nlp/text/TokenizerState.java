package dev.grove.nlp.text;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A tokenizer written as strings, to save with a model and rebuild later: its name ({@code word},
 * {@code char} or {@code bpe}), its settings ({@value #LOWERCASE} {@code true|false},
 * {@value #PUNCTUATION} {@code split|strip|keep} for {@code word}, {@value #LINE_BREAKS}
 * {@code keep|drop} for {@code word} and {@code bpe}) and, for {@code bpe}, the learned merges
 * ({@code "left right"}, in learned order; empty otherwise).
 *
 * @param name     the tokenizer's name
 * @param settings its settings by name
 * @param merges   the BPE merges in learned order; empty for the other tokenizers
 */
public record TokenizerState(String name, Map<String, String> settings, List<String> merges) {

    /** Setting: whether tokens are lower-cased. */
    public static final String LOWERCASE = "lowercase";
    /** Setting: what the word tokenizer does with punctuation. */
    public static final String PUNCTUATION = "punctuation";
    /** Setting: whether line breaks become {@value Tokenizer#LINE_END} tokens ({@code keep}) or not ({@code drop}). */
    public static final String LINE_BREAKS = "line-breaks";

    /** Checks the name and copies the collections (settings sorted by name). */
    public TokenizerState {
        Objects.requireNonNull(name, "name");
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(settings, "settings")));
        merges = List.copyOf(Objects.requireNonNull(merges, "merges"));
    }

    /**
     * The tokenizer this state describes.
     *
     * @throws IllegalArgumentException if the name is unknown or a setting is missing or invalid
     */
    public Tokenizer toTokenizer() {
        return switch (name) {
            case "word" -> new WordTokenizer(flag(LOWERCASE), WordTokenizer.Punctuation.named(setting(PUNCTUATION)),
                    keepLineBreaks());
            case "char" -> new CharTokenizer();
            case "bpe" -> BpeTokenizer.fromMerges(merges, flag(LOWERCASE), keepLineBreaks());
            default -> throw new IllegalArgumentException("tokenizer state: unknown tokenizer '" + name
                    + "', expected word, char or bpe");
        };
    }

    /** How {@link #LINE_BREAKS} is written: {@code keep} or {@code drop}. */
    static String lineBreaks(boolean keep) {
        return keep ? "keep" : "drop";
    }

    private boolean keepLineBreaks() {
        String value = setting(LINE_BREAKS);
        return switch (value) {
            case "keep" -> true;
            case "drop" -> false;
            default -> throw new IllegalArgumentException("tokenizer state: " + LINE_BREAKS
                    + " must be keep or drop, got '" + value + "'");
        };
    }

    private boolean flag(String key) {
        String value = setting(key);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("tokenizer state: " + key + " must be true or false, got '"
                    + value + "'");
        };
    }

    private String setting(String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("tokenizer state: the " + name + " tokenizer needs the setting '" + key
                    + "' (have " + settings.keySet() + ")");
        }
        return value;
    }
}
