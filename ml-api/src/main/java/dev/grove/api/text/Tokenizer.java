package dev.grove.api.text;

import java.util.List;
import java.util.Map;

/**
 * Cuts text into tokens and puts tokens back together (a TOKENIZER component's
 * {@link TokenizerFactory} makes one). A data
 * source that tokenizes text records the tokenizer's {@link #description()} in the schema, so a
 * trained model can encode new text (a prompt) exactly as its training text was encoded.
 */
public interface Tokenizer {

    /** The tokens of {@code text}, in order. */
    List<String> tokenize(CharSequence text);

    /** Text from tokens: the inverse of {@link #tokenize} up to what tokenizing drops (case, spacing). */
    String join(List<String> tokens);

    /**
     * The component name under {@code component} and every param, including learned ones (a BPE
     * tokenizer's merges, one per line), as text: the component created with these params builds
     * the same tokenizer whatever text it is given.
     */
    Map<String, String> description();
}
