package dev.grove.nlp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns byte-pair-encoding merges from a word-frequency table (Sennrich et al., 2016). Each word
 * starts as its characters (code points) followed by the end-of-word symbol {@code </w>}; the most
 * frequent adjacent pair of symbols (counted over the table, each word weighted by its frequency)
 * is merged into one new symbol, everywhere, and this repeats.
 *
 * <p>Pair counts are kept up to date incrementally: an index from each pair to the words that hold
 * it means a merge touches only those words, whose pairs are taken out of the counts before the
 * merge and put back after. Finding the best pair scans the pairs that still occur, kept in a
 * primitive hash table ({@link PairCounts}); that is cheap next to counting over the text.
 *
 * <p>Ties between equally frequent pairs go to the pair that sorts first by its left symbol, then by
 * its right symbol ({@link String#compareTo}, i.e. UTF-16 order); so the result depends only on
 * the table, not on hash order or on the order of the words.
 */
final class BpeTrainer {

    /** The symbols: their text by id. Ids 0.. are the alphabet, then merge results. */
    private final List<String> symbols = new ArrayList<>();
    private final Map<String, Integer> symbolIds = new HashMap<>();
    /** Each word as symbol ids; only the first {@link #lengths}[w] entries are in use. */
    private final int[][] words;
    private final int[] lengths;
    private final int[] frequencies;
    /** Weighted count of each adjacent pair; pairs that no longer occur are removed. */
    private final PairCounts pairCounts = new PairCounts();
    /** For each pair, the index in {@link #holderLists} of the words that held it when it appeared. */
    private final PairCounts pairHolders = new PairCounts();
    /** Lists of words; a list may name words that no longer hold its pair. */
    private final List<IntList> holderLists = new ArrayList<>();
    /** Per word, the merge step at which it was last rewritten, so a word is rewritten once per step. */
    private final int[] visited;

    private BpeTrainer(List<String> wordList, int[] wordFrequencies) {
        int n = wordList.size();
        words = new int[n][];
        lengths = new int[n];
        frequencies = wordFrequencies.clone();
        visited = new int[n];
        Arrays.fill(visited, -1);
        for (int w = 0; w < n; w++) {
            String word = wordList.get(w);
            int[] ids = new int[word.codePointCount(0, word.length()) + 1];
            int k = 0;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                int next = i + Character.charCount(cp);
                ids[k++] = symbol(word.substring(i, next));
                i = next;
            }
            ids[k] = symbol(BpeTokenizer.END_OF_WORD);
            words[w] = ids;
            lengths[w] = ids.length;
        }
        for (int w = 0; w < n; w++) {
            addPairs(w, -1);
        }
    }

    /**
     * The merges learned from {@code words} (distinct, without white space) with their frequencies,
     * as {@code "left right"} strings in the order learned. Training stops when the symbol set
     * (the alphabet, i.e. every character seen plus {@code </w>}, and each distinct merge result)
     * reaches {@code vocabSize}, or when every word is a single symbol.
     */
    static List<String> learn(List<String> words, int[] frequencies, int vocabSize) {
        return new BpeTrainer(words, frequencies).run(vocabSize);
    }

    private List<String> run(int vocabSize) {
        List<String> merges = new ArrayList<>();
        while (symbols.size() < vocabSize) {
            long best = bestPair();
            if (best < 0) {
                break;
            }
            int left = left(best);
            int right = right(best);
            int merged = symbol(symbols.get(left) + symbols.get(right));
            merges.add(symbols.get(left) + " " + symbols.get(right));
            applyMerge(best, left, right, merged, merges.size());
        }
        return merges;
    }

    /** The most frequent pair, ties by symbol text as the class comment says; -1 when no pair is left. */
    private long bestPair() {
        long[] best = {-1, 0};
        pairCounts.forEach((pair, count) -> {
            if (count > best[1] || count == best[1] && sortsBefore(pair, best[0])) {
                best[0] = pair;
                best[1] = count;
            }
        });
        return best[0];
    }

    private boolean sortsBefore(long a, long b) {
        if (b < 0) {
            return true;
        }
        int byLeft = symbols.get(left(a)).compareTo(symbols.get(left(b)));
        return byLeft != 0 ? byLeft < 0 : symbols.get(right(a)).compareTo(symbols.get(right(b))) < 0;
    }

    private void applyMerge(long pair, int left, int right, int merged, int step) {
        int list = (int) pairHolders.get(pair, -1);
        IntList holders = holderLists.set(list, null);
        pairHolders.remove(pair);
        for (int h = 0; h < holders.size; h++) {
            int w = holders.values[h];
            if (visited[w] == step || !holds(w, left, right)) {
                continue;
            }
            visited[w] = step;
            removePairs(w);
            int[] ids = words[w];
            int out = 0;
            for (int i = 0; i < lengths[w]; i++) {
                if (i + 1 < lengths[w] && ids[i] == left && ids[i + 1] == right) {
                    ids[out++] = merged;
                    i++;
                } else {
                    ids[out++] = ids[i];
                }
            }
            lengths[w] = out;
            addPairs(w, merged);
        }
    }

    private boolean holds(int w, int left, int right) {
        int[] ids = words[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            if (ids[i] == left && ids[i + 1] == right) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts the pairs of word {@code w}; indexes the word under each pair that involves
     * {@code indexSymbol} (every pair when it is -1): pairs without the newest symbol were in the
     * word before, so the word is already indexed under them.
     */
    private void addPairs(int w, int indexSymbol) {
        int[] ids = words[w];
        long f = frequencies[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            long key = PairCounts.pair(ids[i], ids[i + 1]);
            pairCounts.add(key, f);
            if (indexSymbol < 0 || ids[i] == indexSymbol || ids[i + 1] == indexSymbol) {
                holders(key).add(w);
            }
        }
    }

    private void removePairs(int w) {
        int[] ids = words[w];
        long f = frequencies[w];
        for (int i = 0; i + 1 < lengths[w]; i++) {
            pairCounts.add(PairCounts.pair(ids[i], ids[i + 1]), -f);
        }
    }

    private int symbol(String text) {
        Integer id = symbolIds.get(text);
        if (id != null) {
            return id;
        }
        symbols.add(text);
        symbolIds.put(text, symbols.size() - 1);
        return symbols.size() - 1;
    }

    /** The list of words holding {@code pair}, made empty when there is none. */
    private IntList holders(long pair) {
        long list = pairHolders.get(pair, -1);
        if (list >= 0) {
            return holderLists.get((int) list);
        }
        IntList created = new IntList();
        pairHolders.put(pair, holderLists.size());
        holderLists.add(created);
        return created;
    }

    private static int left(long pair) {
        return PairCounts.left(pair);
    }

    private static int right(long pair) {
        return PairCounts.right(pair);
    }

    /** A growable list of ints. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }
}
