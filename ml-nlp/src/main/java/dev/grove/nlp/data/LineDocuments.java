package dev.grove.nlp.data;

import dev.grove.nlp.text.Encodings;
import dev.grove.nlp.text.TokenCounts;
import dev.grove.nlp.text.Tokenizer;
import dev.grove.nlp.text.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of a text as token sequences, one document per line, with the counts of their tokens:
 * what the {@code documents: lines} mode of {@code corpus} and the {@code labelled-text} source
 * encode, each line padded or cut to a fixed length. Lines are tokenized one by one, so a token
 * never spans two lines, and line-end tokens never appear.
 */
final class LineDocuments {

    private final TokenCounts counts = new TokenCounts();
    /** Per line, the indices of its tokens in {@link #counts}. */
    private final List<int[]> lines = new ArrayList<>();

    /** Tokenizes each of {@code lines} (texts without line breaks) with {@code tokenizer}: one document per line. */
    LineDocuments(Tokenizer tokenizer, List<String> lines) {
        IntSequence indices = new IntSequence();
        for (String line : lines) {
            int start = indices.size();
            tokenizer.tokenize(line, token -> indices.add(counts.add(token)));
            this.lines.add(indices.copy(start, indices.size()));
        }
    }

    /**
     * The lines of {@code text}: split at each line break, a carriage return before it dropped; a
     * text of n line breaks has n + 1 lines, empty ones included.
     */
    static List<String> split(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    /** How often each token occurs, over all lines. */
    TokenCounts counts() {
        return counts;
    }

    /** The number of lines. */
    int lineCount() {
        return lines.size();
    }

    /** Whether line {@code line} has no tokens. */
    boolean isEmpty(int line) {
        return lines.get(line).length == 0;
    }

    /**
     * The token ids of line {@code line} in {@code vocabulary} (built from {@link #counts()}), cut or
     * filled with {@code padId} to {@code length}, as floats written into {@code into} at {@code offset}.
     */
    void encode(int line, Vocabulary vocabulary, int length, int padId, float[] into, int offset) {
        int[] indices = lines.get(line);
        int[] ids = new int[Math.min(length, indices.length)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(counts.token(indices[i]));
        }
        float[] encoded = Encodings.indices(Encodings.padded(ids, length, padId));
        System.arraycopy(encoded, 0, into, offset, length);
    }

    /** Feature names {@code t0 .. t{length-1}}: the positions of a padded sequence. */
    static List<String> positionNames(int length) {
        List<String> names = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            names.add("t" + i);
        }
        return names;
    }
}
