package dev.grove.nlp.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts text into tokens, and joins tokens back into text. Three kinds exist: {@link WordTokenizer}
 * ({@code word}), {@link CharTokenizer} ({@code char}) and {@link BpeTokenizer} ({@code bpe}). A
 * tokenizer is immutable and may be used from several threads; {@link #state()} describes it fully,
 * so it can be saved as strings and rebuilt with {@link TokenizerState#toTokenizer()}.
 *
 * <p>Word and BPE tokenizers may mark line ends: with line breaks kept, each {@code '\n'} of the text
 * becomes the token {@value #LINE_END} (as word2vec.c does), and {@link #join} turns that token back
 * into a line break.
 */
public interface Tokenizer extends dev.grove.api.text.Tokenizer {

    /** The token a word or BPE tokenizer emits for each line break when line breaks are kept. */
    String LINE_END = "</s>";

    /** The component name of this kind of tokenizer: {@code word}, {@code char} or {@code bpe}. */
    String name();

    /** Passes the tokens of {@code text} to {@code sink}, in text order. */
    void tokenize(CharSequence text, Consumer<String> sink);

    /** The tokens of {@code text}, in text order. */
    @Override
    default List<String> tokenize(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        tokenize(text, tokens::add);
        return tokens;
    }

    /**
     * The text that {@code tokens} stand for: the inverse of {@link #tokenize}, up to what
     * tokenizing dropped (letter case when lower-casing, spacing, stripped punctuation). Used to
     * print generated tokens.
     */
    @Override
    String join(List<String> tokens);

    /** Everything needed to rebuild this tokenizer (its name, settings and, for BPE, the merges). */
    TokenizerState state();

    /** The {@link #state()} as the component's params: {@code component}, the settings, and {@code merges} one per line. */
    @Override
    default Map<String, String> description() {
        TokenizerState state = state();
        Map<String, String> description = new LinkedHashMap<>();
        description.put("component", state.name());
        description.putAll(state.settings());
        if (!state.merges().isEmpty()) {
            description.put("merges", String.join("\n", state.merges()));
        }
        return description;
    }
}
