package dev.grove.nlp.data;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.nlp.text.WordTokenizer;
import java.util.List;
import java.util.Objects;

/**
 * Params of the {@code corpus} data source (see {@link CorpusSource}).
 *
 * @param path        the text file (UTF-8, gzip or not)
 * @param unit        the tokens: char, word or bpe
 * @param lowercase   whether word and bpe tokens are lower-cased (char tokens never are)
 * @param punctuation split, strip or keep punctuation marks (word unit)
 * @param vocabSize   the BPE symbol count (bpe unit)
 * @param minCount    the fewest occurrences a token needs to get an id of its own
 * @param maxSize     the most tokens in the vocabulary, reserved ones included; 0 for no limit
 * @param lineBreaks  keep (the token {@code </s>} at each line end) or drop, for word and bpe units in stream mode
 * @param documents   stream (one row per token) or lines (one padded sample per non-empty line)
 * @param maxLength   the length lines are padded or cut to (documents: lines)
 * @param reserved    tokens given the first ids, in this order, before the source's own reserved tokens
 *                    (e.g. {@code <mask>} for masked-token training)
 */
public record CorpusParams(
        @Doc("the text file, UTF-8, gzip or not (told by its content); relative paths are looked up in the working"
                + " directory, the experiment's folder, then the data directory (GROVE_DATA)")
        String path,
        @Doc("the tokens: char (every character, spaces and line breaks included), word (see the word tokenizer)"
                + " or bpe (byte-pair pieces learned from the whole file up to vocab-size)")
        @Default("word") @OneOf({"char", "word", "bpe"}) String unit,
        @Doc("lower-case word and bpe tokens (char tokens keep their case)")
        @Default("true") boolean lowercase,
        @Doc("word unit: punctuation marks split (each its own token), strip (dropped) or keep (left attached)")
        @Default("split") @OneOf({"split", "strip", "keep"}) String punctuation,
        @Doc("bpe unit: the symbol count merging stops at (characters, the end-of-word marker and merge results)")
        @Default("1000") @Min(1) int vocabSize,
        @Doc("tokens seen fewer times get no id of their own: they become <unk>, which is then reserved as id 0")
        @Default("1") @Min(1) int minCount,
        @Doc("the most tokens in the vocabulary, reserved ones included (the least frequent others become <unk>);"
                + " 0 for no limit")
        @Default("0") @Min(0) int maxSize,
        @Doc("word and bpe units in stream mode: keep (the reserved token </s> at each line end, as word2vec.c) or"
                + " drop (line ends ignored); for the char unit a line break is simply a character")
        @Default("keep") @OneOf({"keep", "drop"}) String lineBreaks,
        @Doc("stream (one row per token in text order, for language models and word2vec) or lines (one sample per"
                + " non-empty line: its token ids padded with <pad> or cut to max-length)")
        @Default("stream") @OneOf({"stream", "lines"}) String documents,
        @Doc("documents: lines: the length each line's token ids are padded or cut to")
        @Default("64") @Min(1) int maxLength,
        @Doc("tokens given the first ids in this order, whatever their counts, before the source's own (<unk>, <pad>,"
                + " </s>): e.g. [<mask>] for masked-token training; list the same on two sources to number tokens alike")
        @Default("[]") List<String> reserved) {

    /** Validates every param. */
    public CorpusParams {
        reserved = List.copyOf(Objects.requireNonNull(reserved, "reserved"));
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path is required: the text file to read");
        }
        Params.oneOf("unit", unit, TextUnits.NAMES);
        Params.oneOf("punctuation", punctuation, WordTokenizer.Punctuation.NAMES);
        Params.atLeast("vocab-size", vocabSize, 1, false);
        Params.atLeast("min-count", minCount, 1, false);
        Params.atLeast("max-size", maxSize, 0, false);
        Params.oneOf("line-breaks", lineBreaks, "keep", "drop");
        Params.oneOf("documents", documents, "stream", "lines");
        Params.atLeast("max-length", maxLength, 1, false);
    }

    /** These params giving {@code tokens} the first ids. */
    public CorpusParams withReserved(List<String> tokens) {
        return new CorpusParams(path, unit, lowercase, punctuation, vocabSize, minCount, maxSize, lineBreaks, documents,
                maxLength, tokens);
    }

    /** A word stream of {@code path} with every other param at its default. */
    public static CorpusParams of(String path) {
        return new CorpusParams(path, "word", true, "split", 1000, 1, 0, "keep", "stream", 64, List.of());
    }

    /** These params with another unit. */
    public CorpusParams withUnit(String newUnit) {
        return new CorpusParams(path, newUnit, lowercase, punctuation, vocabSize, minCount, maxSize, lineBreaks,
                documents, maxLength, reserved);
    }

    /** These params with lower-casing on or off. */
    public CorpusParams withLowercase(boolean newLowercase) {
        return new CorpusParams(path, unit, newLowercase, punctuation, vocabSize, minCount, maxSize, lineBreaks,
                documents, maxLength, reserved);
    }

    /** These params with another punctuation rule. */
    public CorpusParams withPunctuation(String newPunctuation) {
        return new CorpusParams(path, unit, lowercase, newPunctuation, vocabSize, minCount, maxSize, lineBreaks,
                documents, maxLength, reserved);
    }

    /** These params with another BPE vocabulary size. */
    public CorpusParams withVocabSize(int newVocabSize) {
        return new CorpusParams(path, unit, lowercase, punctuation, newVocabSize, minCount, maxSize, lineBreaks,
                documents, maxLength, reserved);
    }

    /** These params with other vocabulary limits. */
    public CorpusParams withVocabularyLimits(int newMinCount, int newMaxSize) {
        return new CorpusParams(path, unit, lowercase, punctuation, vocabSize, newMinCount, newMaxSize, lineBreaks,
                documents, maxLength, reserved);
    }

    /** These params with line breaks kept or dropped. */
    public CorpusParams withLineBreaks(String newLineBreaks) {
        return new CorpusParams(path, unit, lowercase, punctuation, vocabSize, minCount, maxSize, newLineBreaks,
                documents, maxLength, reserved);
    }

    /** These params reading one padded document per line, of {@code length} tokens. */
    public CorpusParams withLines(int length) {
        return new CorpusParams(path, unit, lowercase, punctuation, vocabSize, minCount, maxSize, lineBreaks, "lines",
                length, reserved);
    }
}
