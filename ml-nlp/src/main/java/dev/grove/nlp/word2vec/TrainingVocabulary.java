package dev.grove.nlp.word2vec;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The words word2vec learns vectors for and the text rewritten in their ids, as gensim prepares
 * it: words seen at least min-count times, by decreasing count (ties in the corpus's order of first
 * appearance); every other word is dropped from the sentences before windows are formed, and
 * sentences longer than {@value #MAX_SENTENCE} words are cut into pieces (gensim's limit), so
 * no window crosses a line or a cut.
 */
final class TrainingVocabulary {

    /** gensim's MAX_WORDS_IN_BATCH: the longest stretch of words one window pass runs over. */
    static final int MAX_SENTENCE = 10_000;

    final String[] words;
    final long[] counts;
    /** The kept words of all sentences, as vocabulary ids. */
    final int[] tokens;
    /** Sentence i is tokens[sentenceStarts[i], sentenceStarts[i + 1]). */
    final int[] sentenceStarts;
    /** Occurrences of vocabulary words in the corpus: the words one epoch reads. */
    final long trainWords;

    private TrainingVocabulary(String[] words, long[] counts, int[] tokens, int[] sentenceStarts, long trainWords) {
        this.words = words;
        this.counts = counts;
        this.tokens = tokens;
        this.sentenceStarts = sentenceStarts;
        this.trainWords = trainWords;
    }

    /**
     * The vocabulary of {@code corpus} for {@code minCount}.
     *
     * @throws IllegalArgumentException if the corpus is empty or no word occurs min-count times
     */
    static TrainingVocabulary of(Word2VecCorpus corpus, int minCount) {
        long[] corpusCounts = corpus.countArray();
        if (corpus.tokenCount() == 0) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": the corpus is empty (no words to train on)");
        }
        int[] kept = IntStream.range(0, corpusCounts.length).filter(id -> corpusCounts[id] >= minCount)
                .boxed().sorted(Comparator.comparingLong((Integer id) -> -corpusCounts[id]).thenComparingInt(id -> id))
                .mapToInt(Integer::intValue).toArray();
        if (kept.length == 0) {
            long most = Arrays.stream(corpusCounts).max().orElse(0);
            throw new IllegalArgumentException(Word2Vec.NAME + ": no word occurs at least min-count = " + minCount
                    + " times in the corpus (" + corpusCounts.length + " distinct words, the most frequent seen " + most
                    + " times); lower min-count or give more text");
        }
        String[] corpusWords = corpus.wordArray();
        String[] words = new String[kept.length];
        long[] counts = new long[kept.length];
        int[] vocabularyId = new int[corpusCounts.length];
        Arrays.fill(vocabularyId, -1);
        long trainWords = 0;
        for (int v = 0; v < kept.length; v++) {
            words[v] = corpusWords[kept[v]];
            counts[v] = corpusCounts[kept[v]];
            vocabularyId[kept[v]] = v;
            trainWords += counts[v];
        }
        int[] corpusTokens = corpus.tokenArray();
        int[] corpusStarts = corpus.sentenceStartArray();
        int[] tokens = new int[Math.toIntExact(trainWords)];
        IntList starts = new IntList();
        starts.add(0);
        int length = 0;
        for (int s = 0; s + 1 < corpusStarts.length; s++) {
            for (int p = corpusStarts[s]; p < corpusStarts[s + 1]; p++) {
                int id = vocabularyId[corpusTokens[p]];
                if (id >= 0) {
                    tokens[length++] = id;
                    if (length - starts.last() == MAX_SENTENCE) {
                        starts.add(length);
                    }
                }
            }
            if (length > starts.last()) {
                starts.add(length);
            }
        }
        return new TrainingVocabulary(words, counts, tokens, starts.toArray(), trainWords);
    }

    int size() {
        return words.length;
    }

    /**
     * The probability of keeping each word in frequent-word subsampling (word2vec.c, gensim): with
     * t = sample·trainWords, a word seen c times is kept with probability (√(c/t) + 1)·t/c, at most 1;
     * every word is kept when {@code sample} is 0.
     */
    float[] keepProbabilities(double sample) {
        float[] keep = new float[counts.length];
        double threshold = sample * trainWords;
        for (int v = 0; v < counts.length; v++) {
            double c = counts[v];
            keep[v] = sample == 0 ? 1 : (float) Math.min(1, (Math.sqrt(c / threshold) + 1) * threshold / c);
        }
        return keep;
    }
}
