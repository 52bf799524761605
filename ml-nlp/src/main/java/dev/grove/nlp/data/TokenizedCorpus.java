package dev.grove.nlp.data;

import dev.grove.nlp.text.Tokenizer;
import dev.grove.nlp.text.Vocabulary;
import java.util.Objects;

/**
 * A text file as a stream of token ids, with the tokenizer that cut it and the vocabulary that
 * numbered the tokens: what the {@code corpus} source's stream mode turns into a dataset, for code
 * that also needs the tokenizer (to save it with a model, or to encode a prompt the same way).
 *
 * @param tokenizer  the tokenizer (for {@code bpe}, with the merges learned from the file)
 * @param vocabulary the vocabulary built from the whole file
 * @param ids        the token ids in text order
 */
public record TokenizedCorpus(Tokenizer tokenizer, Vocabulary vocabulary, int[] ids) {

    /** Requires every part. */
    public TokenizedCorpus {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(ids, "ids");
    }
}
