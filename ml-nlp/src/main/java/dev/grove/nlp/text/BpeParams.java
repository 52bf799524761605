package dev.grove.nlp.text;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import java.util.List;
import java.util.Objects;

/**
 * Params of the {@code bpe} tokenizer (see {@link BpeTokenizer}).
 *
 * @param vocabSize  the symbol count training stops at: the alphabet (each character, plus the end-of-word marker) and one symbol per merge
 * @param lowercase  whether words are lower-cased
 * @param lineBreaks keep (each line break becomes the token {@code </s>}) or drop
 * @param merges     merges already learned ({@code "left right"}, in learned order), as a saved model's
 *                   tokenizer records them; when given, nothing is learned from the text
 */
public record BpeParams(
        @Doc("stop merging when the symbols (each character of the text, the end-of-word marker </w>, and each merge"
                + " result) number this many, or when every word is one symbol")
        @Default("1000") @Min(1) int vocabSize,
        @Doc("lower-case the text's words before learning and tokenizing")
        @Default("true") boolean lowercase,
        @Doc("line breaks: keep (each becomes the token </s>) or drop")
        @Default("keep") @OneOf({"keep", "drop"}) String lineBreaks,
        @Doc("merges already learned (\"left right\", in learned order), as a saved model records them; none: learn"
                + " them from the text")
        @Default("[]") List<String> merges) implements TokenizerSpec {

    /** Validates every param. */
    public BpeParams {
        Params.atLeast("vocab-size", vocabSize, 1, false);
        Params.oneOf("line-breaks", lineBreaks, "keep", "drop");
        merges = List.copyOf(Objects.requireNonNull(merges, "merges"));
    }

    /** A vocabulary size with the other params at their defaults. */
    public static BpeParams of(int vocabSize) {
        return new BpeParams(vocabSize, true, "keep", List.of());
    }

    @Override
    public BpeTokenizer build(CharSequence trainingText) {
        if (!merges.isEmpty()) {
            return BpeTokenizer.fromMerges(merges, lowercase, lineBreaks.equals("keep"));
        }
        return BpeTokenizer.train(trainingText, vocabSize, lowercase, lineBreaks.equals("keep"));
    }
}
