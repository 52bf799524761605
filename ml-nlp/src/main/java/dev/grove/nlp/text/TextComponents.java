package dev.grove.nlp.text;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Registry;

/**
 * Registers the language family's tokenizers, of kind {@code tokenizer}: each creates a
 * {@link TokenizerSpec}, which makes the tokenizer for a text.
 */
public final class TextComponents {

    private TextComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.TOKENIZER, "word", WordTokenizerParams.class, p -> p,
                "Words, numbers and punctuation marks, with lower-casing and punctuation rules"));
        registry.register(Component.of(Kind.TOKENIZER, "char", NoParams.class,
                p -> (TokenizerSpec) text -> new CharTokenizer(), "Every character is a token, spaces and line breaks included"));
        registry.register(Component.of(Kind.TOKENIZER, "bpe", BpeParams.class, p -> p,
                "Byte-pair encoding: sub-word pieces learned from the text up to a vocab-size"));
    }
}
