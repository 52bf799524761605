package dev.grove.api.text;

/**
 * What a TOKENIZER component creates: the recipe of a tokenizer, which some tokenizers (byte-pair
 * encoding) learn from a text. A tokenizer rebuilt from a saved {@link Tokenizer#description()}
 * carries what it learned in its params, and ignores the text.
 */
@FunctionalInterface
public interface TokenizerFactory {

    /** The tokenizer for {@code trainingText}: learned from it, or independent of it. */
    Tokenizer build(CharSequence trainingText);
}
