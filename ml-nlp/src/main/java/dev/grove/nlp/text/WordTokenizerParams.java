package dev.grove.nlp.text;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of the {@code word} tokenizer (see {@link WordTokenizer} for the rules).
 *
 * @param lowercase   whether tokens are lower-cased
 * @param punctuation split (each mark a token), strip (marks dropped) or keep (cut at white space only)
 * @param lineBreaks  keep (each line break becomes the token {@code </s>}) or drop
 */
public record WordTokenizerParams(
        @Doc("lower-case every token")
        @Default("true") boolean lowercase,
        @Doc("punctuation marks: split (each mark its own token), strip (dropped) or keep (left attached: tokens are"
                + " the white-space separated runs); apostrophes and hyphens inside words (don't, well-known) and"
                + " points or commas inside numbers (3.14, 1,000) are part of the word")
        @Default("split") @OneOf({"split", "strip", "keep"}) String punctuation,
        @Doc("line breaks: keep (each becomes the token </s>, as in word2vec.c) or drop")
        @Default("keep") @OneOf({"keep", "drop"}) String lineBreaks) implements TokenizerSpec {

    /** Validates the choices. */
    public WordTokenizerParams {
        Params.oneOf("punctuation", punctuation, WordTokenizer.Punctuation.NAMES);
        Params.oneOf("line-breaks", lineBreaks, "keep", "drop");
    }

    /** The defaults: lower-cased, punctuation split, line breaks kept. */
    public static WordTokenizerParams defaults() {
        return new WordTokenizerParams(true, "split", "keep");
    }

    @Override
    public WordTokenizer build(CharSequence trainingText) {
        return new WordTokenizer(lowercase, WordTokenizer.Punctuation.named(punctuation), lineBreaks.equals("keep"));
    }
}
