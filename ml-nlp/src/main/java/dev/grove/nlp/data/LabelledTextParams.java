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
 * Params of the {@code labelled-text} data source (see {@link LabelledTextSource}).
 *
 * @param path        the TSV file (UTF-8, gzip or not) with a header row
 * @param labelColumn the column holding each row's label
 * @param textColumn  the column holding each row's text
 * @param unit        the tokens: char, word or bpe
 * @param lowercase   whether word and bpe tokens are lower-cased
 * @param punctuation split, strip or keep punctuation marks (word unit)
 * @param vocabSize   the BPE symbol count (bpe unit)
 * @param minCount    the fewest occurrences a token needs to get an id of its own
 * @param maxSize     the most tokens in the vocabulary, reserved ones included; 0 for no limit
 * @param maxLength   the length each text's token ids are padded or cut to
 * @param reserved    tokens given the first ids, in this order, before {@code <unk>} and {@code <pad>}
 * @param vocabularyFrom a text file whose tokens make the vocabulary instead of this file's (null: this file)
 */
public record LabelledTextParams(
        @Doc("the tab-separated file with a header row, UTF-8, gzip or not; looked up like every data path (working"
                + " directory, the experiment's folder, then the data directory GROVE_DATA)")
        String path,
        @Doc("the column holding each row's label")
        @Default("label") String labelColumn,
        @Doc("the column holding each row's text")
        @Default("text") String textColumn,
        @Doc("the tokens: char, word or bpe (pieces learned from all the file's texts up to vocab-size)")
        @Default("word") @OneOf({"char", "word", "bpe"}) String unit,
        @Doc("lower-case word and bpe tokens (char tokens keep their case)")
        @Default("true") boolean lowercase,
        @Doc("word unit: punctuation marks split (each its own token), strip (dropped) or keep (left attached)")
        @Default("split") @OneOf({"split", "strip", "keep"}) String punctuation,
        @Doc("bpe unit: the symbol count merging stops at (characters, the end-of-word marker and merge results)")
        @Default("1000") @Min(1) int vocabSize,
        @Doc("tokens seen fewer times get no id of their own: they become <unk>, which is then reserved as id 0")
        @Default("1") @Min(1) int minCount,
        @Doc("the most tokens in the vocabulary, reserved ones included; 0 for no limit")
        @Default("0") @Min(0) int maxSize,
        @Doc("the length each text's token ids are padded (with <pad>) or cut to")
        @Default("64") @Min(1) int maxLength,
        @Doc("tokens given the first ids in this order, whatever their counts, before the source's own (<unk>, <pad>);"
                + " list the same on two sources to number tokens alike")
        @Default("[]") List<String> reserved,
        @Doc("build the vocabulary (and bpe merges) from this text file, tokenized with these settings as the corpus"
                + " source does, instead of from this file's texts; their tokens outside it become <unk>. With the same"
                + " settings and reserved tokens, ids are the corpus source's, so a network pretrained on that corpus fits")
        @Default("null") String vocabularyFrom) {

    /** Validates every param. */
    public LabelledTextParams {
        reserved = List.copyOf(Objects.requireNonNull(reserved, "reserved"));
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path is required: the tab-separated file to read");
        }
        if (labelColumn == null || labelColumn.isBlank()) {
            throw new IllegalArgumentException("label-column must name a column, got "
                    + (labelColumn == null ? "nothing" : "'" + labelColumn + "'"));
        }
        if (textColumn == null || textColumn.isBlank()) {
            throw new IllegalArgumentException("text-column must name a column, got "
                    + (textColumn == null ? "nothing" : "'" + textColumn + "'"));
        }
        if (labelColumn.equals(textColumn)) {
            throw new IllegalArgumentException("label-column and text-column must differ, both are '" + labelColumn + "'");
        }
        Params.oneOf("unit", unit, TextUnits.NAMES);
        Params.oneOf("punctuation", punctuation, WordTokenizer.Punctuation.NAMES);
        Params.atLeast("vocab-size", vocabSize, 1, false);
        Params.atLeast("min-count", minCount, 1, false);
        Params.atLeast("max-size", maxSize, 0, false);
        Params.atLeast("max-length", maxLength, 1, false);
    }

    /** The file {@code path} with columns {@code label} and {@code text} and every other param at its default. */
    public static LabelledTextParams of(String path) {
        return new LabelledTextParams(path, "label", "text", "word", true, "split", 1000, 1, 0, 64, List.of(), null);
    }

    /** These params with other column names. */
    public LabelledTextParams withColumns(String newLabelColumn, String newTextColumn) {
        return new LabelledTextParams(path, newLabelColumn, newTextColumn, unit, lowercase, punctuation, vocabSize,
                minCount, maxSize, maxLength, reserved, vocabularyFrom);
    }

    /** These params with another unit. */
    public LabelledTextParams withUnit(String newUnit) {
        return new LabelledTextParams(path, labelColumn, textColumn, newUnit, lowercase, punctuation, vocabSize,
                minCount, maxSize, maxLength, reserved, vocabularyFrom);
    }

    /** These params with other vocabulary limits. */
    public LabelledTextParams withVocabularyLimits(int newMinCount, int newMaxSize) {
        return new LabelledTextParams(path, labelColumn, textColumn, unit, lowercase, punctuation, vocabSize,
                newMinCount, newMaxSize, maxLength, reserved, vocabularyFrom);
    }

    /** These params padding or cutting texts to {@code length} tokens. */
    public LabelledTextParams withMaxLength(int length) {
        return new LabelledTextParams(path, labelColumn, textColumn, unit, lowercase, punctuation, vocabSize,
                minCount, maxSize, length, reserved, vocabularyFrom);
    }

    /** These params giving {@code tokens} the first ids. */
    public LabelledTextParams withReserved(List<String> tokens) {
        return new LabelledTextParams(path, labelColumn, textColumn, unit, lowercase, punctuation, vocabSize,
                minCount, maxSize, maxLength, tokens, vocabularyFrom);
    }

    /** These params taking the vocabulary from the text file {@code file} (null: from this file). */
    public LabelledTextParams withVocabularyFrom(String file) {
        return new LabelledTextParams(path, labelColumn, textColumn, unit, lowercase, punctuation, vocabSize,
                minCount, maxSize, maxLength, reserved, file);
    }

    /** These params with another punctuation rule for words (split, strip or keep). */
    public LabelledTextParams withPunctuation(String newPunctuation) {
        return new LabelledTextParams(path, labelColumn, textColumn, unit, lowercase, newPunctuation, vocabSize,
                minCount, maxSize, maxLength, reserved, vocabularyFrom);
    }
}
