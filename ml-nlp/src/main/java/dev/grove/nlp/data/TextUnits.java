package dev.grove.nlp.data;

import dev.grove.nlp.text.BpeParams;
import dev.grove.nlp.text.CharTokenizer;
import dev.grove.nlp.text.Tokenizer;
import dev.grove.nlp.text.TokenizerSpec;
import java.util.List;
import dev.grove.nlp.text.WordTokenizerParams;

/** The {@code unit} param of the text sources: which tokenizer cuts the text, with the sources' tokenizer params. */
final class TextUnits {

    /** The values of {@code unit}. */
    static final String[] NAMES = {"char", "word", "bpe"};

    private TextUnits() {
    }

    /**
     * The tokenizer for {@code unit}, learned from {@code text} when it is {@code bpe}.
     *
     * @param keepLineBreaks whether word and BPE tokenizers emit {@link Tokenizer#LINE_END} at line breaks
     *                       (a char tokenizer always emits the line break itself)
     */
    static Tokenizer tokenizer(String unit, boolean lowercase, String punctuation, int vocabSize, boolean keepLineBreaks,
                               String text) {
        String lineBreaks = keepLineBreaks ? "keep" : "drop";
        TokenizerSpec spec = switch (unit) {
            case "char" -> t -> new CharTokenizer();
            case "word" -> new WordTokenizerParams(lowercase, punctuation, lineBreaks);
            case "bpe" -> new BpeParams(vocabSize, lowercase, lineBreaks, List.of());
            default -> throw new IllegalArgumentException("unit must be one of char, word, bpe, got '" + unit + "'");
        };
        return spec.build(text);
    }
}
