package dev.grove.nlp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code bpe} tokenizer: byte-pair encoding (Sennrich et al., 2016) over code points. The text
 * is first cut into words at white space (punctuation stays attached, as in the original method),
 * lower-cased when asked. Each word starts as its characters followed by the end-of-word marker
 * {@value #END_OF_WORD}; {@link #train} learns merges of frequent adjacent symbols (see
 * {@link BpeTrainer} for the counting and the tie-breaking rule), and tokenizing applies those
 * merges in the order they were learned: merge 1 wherever it applies, then merge 2, and so on.
 *
 * <p>Tokens are the resulting pieces, e.g. {@code "low"}, {@code "est</w>"}; a line break becomes
 * {@value Tokenizer#LINE_END} when line breaks are kept. A character never seen in training stays a
 * piece of its own (a vocabulary then maps it to its unknown token). {@link #join} concatenates the
 * pieces, turns each {@value #END_OF_WORD} into a space between words and {@value Tokenizer#LINE_END}
 * into a line break; so joining gives the text back with each run of spaces written as one space
 * (and lower-cased when the tokenizer lower-cases). A text that itself contains the marker string
 * {@value #END_OF_WORD} may join with an extra space there.
 *
 * <p>{@link #merges()} (strings {@code "left right"}) and the settings are the whole state:
 * {@link #fromMerges} rebuilds an equal tokenizer.
 */
public final class BpeTokenizer implements Tokenizer {

    /** The symbol that ends every word, attached to the word's last piece after merging. */
    public static final String END_OF_WORD = "</w>";

    private final List<String> merges;
    private final boolean lowercase;
    private final boolean keepLineBreaks;
    /** Ids of every symbol the merges mention or produce. */
    private final Map<String, Integer> symbolIds = new HashMap<>();
    /** Per merge (by rank), the ids of its left and right symbol and of the merged symbol. */
    private final int[] lefts;
    private final int[] rights;
    private final int[] results;
    /** For each pair of symbol ids, the index in {@link #rankLists} of the ranks of the merges that join it. */
    private final PairCounts rankIndex = new PairCounts();
    /** Ranks of the merges joining one pair, ascending (more than one only if training met the pair again). */
    private final List<int[]> rankLists = new ArrayList<>();
    private final List<String> symbolTexts = new ArrayList<>();

    private BpeTokenizer(List<String> merges, boolean lowercase, boolean keepLineBreaks) {
        this.merges = List.copyOf(merges);
        this.lowercase = lowercase;
        this.keepLineBreaks = keepLineBreaks;
        int m = this.merges.size();
        lefts = new int[m];
        rights = new int[m];
        results = new int[m];
        for (int r = 0; r < m; r++) {
            String merge = this.merges.get(r);
            int space = merge.indexOf(' ');
            if (space <= 0 || space == merge.length() - 1 || merge.indexOf(' ', space + 1) >= 0) {
                throw new IllegalArgumentException("bpe: merge " + (r + 1) + " is '" + merge
                        + "', expected two symbols separated by one space, e.g. 'e s'");
            }
            String left = merge.substring(0, space);
            String right = merge.substring(space + 1);
            lefts[r] = symbol(left);
            rights[r] = symbol(right);
            results[r] = symbol(left + right);
            long key = PairCounts.pair(lefts[r], rights[r]);
            long list = rankIndex.get(key, -1);
            if (list < 0) {
                rankIndex.put(key, rankLists.size());
                rankLists.add(new int[] {r});
            } else {
                rankLists.set((int) list, append(rankLists.get((int) list), r));
            }
        }
    }

    /**
     * Learns a tokenizer from {@code text}: merges until the symbol set (every character of the
     * text's words, {@value #END_OF_WORD}, and each merge result) holds {@code vocabSize} symbols, or
     * until every word is one symbol.
     *
     * @param lowercase      whether words are lower-cased (before training, and when tokenizing)
     * @param keepLineBreaks whether line breaks become {@value Tokenizer#LINE_END} tokens
     */
    public static BpeTokenizer train(CharSequence text, int vocabSize, boolean lowercase, boolean keepLineBreaks) {
        if (vocabSize < 1) {
            throw new IllegalArgumentException("bpe: vocab-size must be at least 1, got " + vocabSize);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        forEachWord(text, lowercase, word -> counts.computeIfAbsent(word, w -> new int[1])[0]++, () -> { });
        List<String> words = new ArrayList<>(counts.keySet());
        int[] frequencies = new int[words.size()];
        int i = 0;
        for (int[] count : counts.values()) {
            frequencies[i++] = count[0];
        }
        return new BpeTokenizer(BpeTrainer.learn(words, frequencies, vocabSize), lowercase, keepLineBreaks);
    }

    /** The tokenizer whose learned merges are {@code merges} ({@code "left right"} strings, in learned order). */
    public static BpeTokenizer fromMerges(List<String> merges, boolean lowercase, boolean keepLineBreaks) {
        return new BpeTokenizer(merges, lowercase, keepLineBreaks);
    }

    @Override
    public String name() {
        return "bpe";
    }

    /** The learned merges, {@code "left right"}, in the order learned. */
    public List<String> merges() {
        return merges;
    }

    /** Whether words are lower-cased. */
    public boolean lowercase() {
        return lowercase;
    }

    /** Whether line breaks become {@value Tokenizer#LINE_END} tokens. */
    public boolean keepsLineBreaks() {
        return keepLineBreaks;
    }

    @Override
    public void tokenize(CharSequence text, Consumer<String> sink) {
        Map<String, String[]> seen = new HashMap<>();
        forEachWord(text, lowercase, word -> {
            for (String piece : seen.computeIfAbsent(word, this::pieces)) {
                sink.accept(piece);
            }
        }, keepLineBreaks ? () -> sink.accept(LINE_END) : () -> { });
    }

    /**
     * The pieces of one word (no white space; not lower-cased here): its characters and
     * {@value #END_OF_WORD}, merged by the learned merges in learned order.
     */
    public String[] pieces(String word) {
        int n = word.codePointCount(0, word.length()) + 1;
        int[] ids = new int[n];
        String[] texts = new String[n];
        int k = 0;
        for (int i = 0; i < word.length(); ) {
            int next = i + Character.charCount(word.codePointAt(i));
            texts[k] = word.substring(i, next);
            ids[k] = symbolIds.getOrDefault(texts[k], -1);
            k++;
            i = next;
        }
        texts[k] = END_OF_WORD;
        ids[k] = symbolIds.getOrDefault(END_OF_WORD, -1);
        int length = n;
        // Applying merges in learned order, skipping those that do not apply, is the same as
        // repeatedly applying the earliest merge after the last one applied that occurs in the word.
        int applied = -1;
        while (length > 1) {
            int rank = nextRank(ids, length, applied);
            if (rank < 0) {
                break;
            }
            int out = 0;
            for (int i = 0; i < length; i++) {
                if (i + 1 < length && ids[i] == lefts[rank] && ids[i + 1] == rights[rank]) {
                    ids[out] = results[rank];
                    texts[out++] = symbolTexts.get(results[rank]);
                    i++;
                } else {
                    ids[out] = ids[i];
                    texts[out++] = texts[i];
                }
            }
            length = out;
            applied = rank;
        }
        return Arrays.copyOf(texts, length);
    }

    /** The smallest rank above {@code after} of a merge that joins two adjacent symbols, or -1. */
    private int nextRank(int[] ids, int length, int after) {
        int best = -1;
        for (int i = 0; i + 1 < length; i++) {
            if (ids[i] < 0 || ids[i + 1] < 0) {
                continue;
            }
            long list = rankIndex.get(PairCounts.pair(ids[i], ids[i + 1]), -1);
            if (list < 0) {
                continue;
            }
            for (int rank : rankLists.get((int) list)) {
                if (rank > after) {
                    if (best < 0 || rank < best) {
                        best = rank;
                    }
                    break;
                }
            }
        }
        return best;
    }

    @Override
    public String join(List<String> tokens) {
        StringBuilder sb = new StringBuilder();
        for (String token : tokens) {
            if (token.equals(LINE_END)) {
                trimTrailingSpace(sb);
                sb.append('\n');
            } else if (token.endsWith(END_OF_WORD)) {
                sb.append(token, 0, token.length() - END_OF_WORD.length()).append(' ');
            } else {
                sb.append(token);
            }
        }
        trimTrailingSpace(sb);
        return sb.toString();
    }

    private static void trimTrailingSpace(StringBuilder sb) {
        if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }

    @Override
    public TokenizerState state() {
        return new TokenizerState(name(), Map.of(TokenizerState.LOWERCASE, Boolean.toString(lowercase),
                TokenizerState.LINE_BREAKS, TokenizerState.lineBreaks(keepLineBreaks)), merges);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BpeTokenizer other && merges.equals(other.merges) && lowercase == other.lowercase
                && keepLineBreaks == other.keepLineBreaks;
    }

    @Override
    public int hashCode() {
        return merges.hashCode() * 31 + (lowercase ? 2 : 0) + (keepLineBreaks ? 1 : 0);
    }

    @Override
    public String toString() {
        return "bpe tokenizer (" + merges.size() + " merges, lowercase " + lowercase + ", line breaks "
                + TokenizerState.lineBreaks(keepLineBreaks) + ")";
    }

    /**
     * Calls {@code onWord} for each white-space separated word of {@code text} (lower-cased when
     * asked) and {@code onLineEnd} at each {@code '\n'}, in text order.
     */
    private static void forEachWord(CharSequence text, boolean lowercase, Consumer<String> onWord, Runnable onLineEnd) {
        String s = text.toString();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                onLineEnd.run();
                i++;
            } else if (TextChars.isSpace(c)) {
                i++;
            } else {
                int end = i + 1;
                while (end < n && !TextChars.isSpace(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(i, end);
                onWord.accept(lowercase ? word.toLowerCase(Locale.ROOT) : word);
                i = end;
            }
        }
    }

    private int symbol(String text) {
        Integer id = symbolIds.get(text);
        if (id != null) {
            return id;
        }
        symbolTexts.add(text);
        symbolIds.put(text, symbolTexts.size() - 1);
        return symbolTexts.size() - 1;
    }

    private static int[] append(int[] values, int v) {
        int[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = v;
        return out;
    }
}
