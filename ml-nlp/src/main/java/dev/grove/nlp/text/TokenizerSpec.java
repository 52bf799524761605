package dev.grove.nlp.text;

import dev.grove.api.text.TokenizerFactory;

/**
 * How to make a tokenizer: what the tokenizer components ({@code word}, {@code char}, {@code bpe},
 * of kind {@code tokenizer}) create. Word and char tokenizers need nothing but their settings; a
 * BPE tokenizer learns its merges from a text.
 */
@FunctionalInterface
public interface TokenizerSpec extends TokenizerFactory {

    /** The tokenizer for {@code trainingText}: learned from it ({@code bpe}), or independent of it. */
    @Override
    Tokenizer build(CharSequence trainingText);
}
