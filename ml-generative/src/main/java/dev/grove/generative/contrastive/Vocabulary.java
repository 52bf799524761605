package dev.grove.generative.contrastive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words the text encoder knows, each with an id (its row of token embeddings). Id 0 is
 * {@value #UNKNOWN}, which stands for every word the training captions never held: a prompt such as
 * "a picture showing the digit seven" is read as {@code a <unk> <unk> the <unk> seven}. Training
 * replaces some caption words by it ({@code unknown-rate}), so it learns to mean "some word".
 *
 * <p>The vocabulary is built from the training captions only: the fixed words of the caption
 * templates, then the class words when a template has {@code {class}}, then the labels when one
 * has {@code {label}}, each once, in that order of first appearance. Prompt words are deliberately
 * not added: words no caption holds would keep the random embeddings they started with.
 */
public final class Vocabulary {

    /** The token of every word the vocabulary does not hold. */
    public static final String UNKNOWN = "<unk>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.putIfAbsent(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("clip: the vocabulary holds '" + this.tokens.get(i) + "' twice");
            }
        }
    }

    /** The words the captions of {@code templates} can hold for the classes {@code names}, after {@link #UNKNOWN}. */
    static Vocabulary of(List<CaptionTemplate> templates, ClassNames names) {
        Set<String> words = new LinkedHashSet<>();
        words.add(UNKNOWN);
        templates.forEach(t -> words.addAll(t.fixedWords()));
        if (templates.stream().anyMatch(CaptionTemplate::usesClassWord)) {
            names.words().forEach(w -> words.addAll(WordTokens.of(w)));
        }
        if (templates.stream().anyMatch(CaptionTemplate::usesLabel)) {
            names.labels().forEach(l -> words.addAll(WordTokens.of(l)));
        }
        return new Vocabulary(new ArrayList<>(words));
    }

    /**
     * A saved vocabulary: its tokens in id order, {@link #UNKNOWN} first.
     *
     * @throws IllegalArgumentException if the first token is not {@link #UNKNOWN}, or a token repeats or is not a word
     */
    static Vocabulary of(List<String> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).equals(UNKNOWN)) {
            throw new IllegalArgumentException("clip: a vocabulary starts with " + UNKNOWN + ", got "
                    + (tokens.isEmpty() ? "no tokens" : "'" + tokens.get(0) + "'"));
        }
        for (String token : tokens.subList(1, tokens.size())) {
            if (!WordTokens.of(token).equals(List.of(token))) {
                throw new IllegalArgumentException("clip: the vocabulary token '" + token + "' is not one lower-case word");
            }
        }
        return new Vocabulary(tokens);
    }

    /** The tokens in id order, {@link #UNKNOWN} first. */
    public List<String> tokens() {
        return tokens;
    }

    /** The number of tokens, {@link #UNKNOWN} included. */
    public int size() {
        return tokens.size();
    }

    /** The id of {@code word}, or 0 ({@link #UNKNOWN}) when the vocabulary does not hold it. */
    int id(String word) {
        return ids.getOrDefault(word, 0);
    }

    /**
     * The ids of the words of {@code text} (unknown words as 0).
     *
     * @throws IllegalArgumentException if no word of the text is in the vocabulary: its embedding would
     *                                  say nothing about it
     */
    int[] encode(String text) {
        List<String> words = WordTokens.of(text);
        int[] out = new int[words.size()];
        boolean known = false;
        for (int i = 0; i < out.length; i++) {
            out[i] = id(words.get(i));
            known |= out[i] != 0;
        }
        if (!known) {
            throw new IllegalArgumentException("clip: the text '" + text + "' has no word the model knows"
                    + (words.isEmpty() ? " (it has no word at all)" : " (its words " + words + " are all unknown)")
                    + "; the model knows " + (size() - 1) + " words: " + tokens.subList(1, size()));
        }
        return out;
    }

    /** The tokens as one line of text, separated by single spaces (no token holds a space). */
    String toAttribute() {
        return String.join(" ", tokens);
    }

    /** The vocabulary {@link #toAttribute()} wrote. */
    static Vocabulary fromAttribute(String text) {
        return of(List.of(text.split(" ", -1)));
    }
}
