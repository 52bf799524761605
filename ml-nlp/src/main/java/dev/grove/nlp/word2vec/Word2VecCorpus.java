package dev.grove.nlp.word2vec;

import dev.grove.api.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text word2vec trains on: sentences of word ids, the distinct words and how often each occurs.
 * Ids number the words in order of first appearance. Windows never cross a sentence end.
 *
 * <p>Build one from a text file ({@link #read(Path)}: one sentence per line, whitespace-separated
 * tokens, gzip or plain), from the token stream of the {@code corpus} source ({@link #fromDataset}),
 * or from lists of words ({@link #of(List)}).
 */
public final class Word2VecCorpus {

    /** The reserved token that marks a line end in a token-stream dataset. */
    public static final String END_OF_SENTENCE = "</s>";
    /** The reserved unknown token of a token-stream dataset, dropped from the text. */
    public static final String UNKNOWN = "<unk>";

    private final String[] words;
    private final long[] counts;
    private final int[] tokens;
    private final int[] sentenceStarts;

    /**
     * A corpus over {@code tokens} (ids into {@code words}) cut into sentences: sentence i is
     * tokens[sentenceStarts[i], sentenceStarts[i + 1]). Takes ownership of the arrays.
     */
    Word2VecCorpus(String[] words, long[] counts, int[] tokens, int[] sentenceStarts) {
        this.words = words;
        this.counts = counts;
        this.tokens = tokens;
        this.sentenceStarts = sentenceStarts;
    }

    /**
     * Reads a text file, gzip-compressed or not (recognised by its first bytes): each line is a
     * sentence, tokens are separated by ASCII whitespace (space, tab, form feed, vertical tab and
     * the separators 0x1C–0x1F, as Python's {@code str.split()}); empty lines are skipped.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is not UTF-8, naming the line
     */
    public static Word2VecCorpus read(Path file) throws IOException {
        return CorpusReader.read(file);
    }

    /**
     * The corpus of a token-stream dataset in the {@code corpus} source's layout: one row per token in
     * text order, the token id as the single feature, the vocabulary as the schema's class labels.
     * The reserved token {@value #END_OF_SENTENCE} ends a sentence; {@value #UNKNOWN} is dropped.
     *
     * @throws IllegalArgumentException if the dataset is not in that layout, naming the first bad row
     */
    public static Word2VecCorpus fromDataset(Dataset data) {
        Objects.requireNonNull(data, "data");
        List<String> labels = data.schema().classLabels();
        if (labels.isEmpty() || data.featureCount() != 1) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": needs a token stream (one row per token, the token id"
                    + " as the only feature and the vocabulary as class labels, as the corpus source gives); got "
                    + data.featureCount() + " features " + data.schema().featureNames()
                    + (labels.isEmpty() ? " and no class labels" : ""));
        }
        int endOfSentence = labels.indexOf(END_OF_SENTENCE);
        int unknown = labels.indexOf(UNKNOWN);
        int[] corpusId = new int[labels.size()];
        Arrays.fill(corpusId, -1);
        int rows = data.rows();
        int[] tokens = new int[rows];
        IntList starts = new IntList();
        starts.add(0);
        long[] counts = new long[Math.min(labels.size(), 1024)];
        String[] words = new String[counts.length];
        int distinct = 0;
        int length = 0;
        for (int row = 0; row < rows; row++) {
            double value = data.feature(row, 0);
            if (!(value >= 0 && value < labels.size() && value == Math.rint(value))) {
                throw new IllegalArgumentException(Word2Vec.NAME + ": row " + row + " holds token id " + value
                        + ", not an index into the " + labels.size() + " class labels (the vocabulary)");
            }
            int label = (int) value;
            if (label == endOfSentence) {
                if (length > starts.last()) {
                    starts.add(length);
                }
                continue;
            }
            if (label == unknown) {
                continue;
            }
            int id = corpusId[label];
            if (id < 0) {
                id = distinct++;
                corpusId[label] = id;
                if (id == words.length) {
                    words = Arrays.copyOf(words, Math.min(labels.size(), 2 * id));
                    counts = Arrays.copyOf(counts, words.length);
                }
                words[id] = labels.get(label);
            }
            counts[id]++;
            tokens[length++] = id;
        }
        if (length > starts.last()) {
            starts.add(length);
        }
        return new Word2VecCorpus(Arrays.copyOf(words, distinct), Arrays.copyOf(counts, distinct),
                Arrays.copyOf(tokens, length), starts.toArray());
    }

    /** A corpus of the given sentences (lists of words); empty sentences are skipped. */
    public static Word2VecCorpus of(List<List<String>> sentences) {
        Map<String, Integer> ids = new HashMap<>();
        IntList tokens = new IntList();
        IntList starts = new IntList();
        starts.add(0);
        List<String> words = new ArrayList<>();
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                if (word.isEmpty()) {
                    throw new IllegalArgumentException(Word2Vec.NAME + ": sentence " + (starts.size() - 1)
                            + " holds an empty word");
                }
                int id = ids.computeIfAbsent(word, w -> {
                    words.add(w);
                    return words.size() - 1;
                });
                tokens.add(id);
            }
            if (tokens.size() > starts.last()) {
                starts.add(tokens.size());
            }
        }
        long[] counts = new long[words.size()];
        int[] flat = tokens.toArray();
        for (int id : flat) {
            counts[id]++;
        }
        return new Word2VecCorpus(words.toArray(new String[0]), counts, flat, starts.toArray());
    }

    /** Number of sentences (none is empty). */
    public int sentenceCount() {
        return sentenceStarts.length - 1;
    }

    /** Number of tokens in all sentences. */
    public long tokenCount() {
        return tokens.length;
    }

    /** The distinct words, by id (order of first appearance). */
    public List<String> words() {
        return List.of(words);
    }

    /** How often the word with {@code id} occurs. */
    public long count(int id) {
        return counts[id];
    }

    /** The word ids of sentence {@code index}, a copy. */
    public int[] sentence(int index) {
        Objects.checkIndex(index, sentenceCount());
        return Arrays.copyOfRange(tokens, sentenceStarts[index], sentenceStarts[index + 1]);
    }

    String[] wordArray() {
        return words;
    }

    long[] countArray() {
        return counts;
    }

    int[] tokenArray() {
        return tokens;
    }

    int[] sentenceStartArray() {
        return sentenceStarts;
    }

    @Override
    public String toString() {
        return "Word2VecCorpus[" + sentenceCount() + " sentences, " + tokens.length + " tokens, " + words.length
                + " distinct words]";
    }
}
