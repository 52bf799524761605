package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.tensor.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on the Lee background corpus (gensim's test corpus, 60,000 words): reproducibility and a quality check. */
class Word2VecTest {

    private static Word2VecCorpus lee;

    @BeforeAll
    static void read() throws IOException {
        lee = Word2VecCorpus.read(Path.of("../datasets/lee_background.cor"));
    }

    private static Word2VecParams small(String mode) {
        return Word2VecParams.defaults(mode).withDim(32).withEpochs(2).withThreads(1);
    }

    @Test
    void oneThreadGivesBitwiseTheSameVectorsForTheSameSeed() {
        for (String mode : List.of(Word2VecParams.SKIP_GRAM, Word2VecParams.CBOW)) {
            WordVectors first = new Word2Vec(small(mode)).train(lee);
            WordVectors again = new Word2Vec(small(mode)).train(lee);
            WordVectors otherSeed = new Word2Vec(small(mode).withSeed(2)).train(lee);
            assertThat(again.vectorArray()).as(mode).containsExactly(first.vectorArray());
            assertThat(otherSeed.vectorArray()).as(mode).isNotEqualTo(first.vectorArray());
            assertThat(first.words()).isEqualTo(otherSeed.words());
        }
    }

    @Test
    void twoThreadsTrainTheSameVocabulary() {
        WordVectors one = new Word2Vec(small(Word2VecParams.SKIP_GRAM)).train(lee);
        WordVectors two = new Word2Vec(small(Word2VecParams.SKIP_GRAM).withThreads(2)).train(lee);
        assertThat(two.words()).isEqualTo(one.words());
        assertThat(two.vectorArray()).doesNotContain(Float.NaN);
    }

    @Test
    void theSentencesAreCutIntoOneContiguousStretchPerThread() {
        // Sentences of 5, 1, 1, 1, 2 words (10 in all). Stretch t starts with the first sentence that starts
        // at or after word 10·t/parts (rounded down): halves at word 5 (sentence 1); thirds at words 3 and 6
        // (sentences 1 and 2).
        int[] starts = {0, 5, 6, 7, 8, 10};
        assertThat(Word2Vec.chunkBounds(starts, 2)).containsExactly(0, 1, 5);
        assertThat(Word2Vec.chunkBounds(starts, 3)).containsExactly(0, 1, 2, 5);
        assertThat(Word2Vec.chunkBounds(starts, 5)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void theMonitorHearsEveryEpochAndCanCancel() {
        List<Integer> epochs = new ArrayList<>();
        TrainingMonitor listening = new TrainingMonitor() {
            @Override
            public void epochFinished(int epoch, int total, long words, double seconds, double learningRate) {
                epochs.add(epoch);
                assertThat(total).isEqualTo(2);
            }
        };
        new Word2Vec(small(Word2VecParams.CBOW)).train(lee, new Rng(1), 2, listening);
        assertThat(epochs).containsExactly(1, 2);

        AtomicInteger asked = new AtomicInteger();
        TrainingMonitor cancelling = new TrainingMonitor() {
            @Override
            public boolean isCancelled() {
                return asked.incrementAndGet() > 1;
            }
        };
        assertThatThrownBy(() -> new Word2Vec(small(Word2VecParams.CBOW)).train(lee, new Rng(1), 1, cancelling))
                .isInstanceOf(CancellationException.class);
    }

    /**
     * Word pairs that co-occur far more often than chance (the 40 with the highest pointwise mutual
     * information within 5 words, counted here independently of the training) end up with more
     * similar vectors than random pairs: most of them above the 90th percentile of 2,000 random
     * pairs, where 4 of 40 would land by chance. (On so small a corpus all vectors share a large
     * common direction, so raw cosines are high for any pair; the ranking is what carries meaning.)
     */
    @Test
    void stronglyCooccurringWordsGetSimilarVectors() {
        WordVectors vectors = new Word2Vec(Word2VecParams.defaults().withDim(50).withEpochs(10).withThreads(1)).train(lee);
        List<String[]> associated = topPmiPairs(vectors, 40);
        SplittableRandom random = new SplittableRandom(5);
        double[] randomSimilarities = new double[2000];
        for (int i = 0; i < randomSimilarities.length; i++) {
            String a = vectors.words().get(random.nextInt(vectors.size()));
            String b = vectors.words().get(random.nextInt(vectors.size()));
            randomSimilarities[i] = vectors.similarity(a, b);
        }
        Arrays.sort(randomSimilarities);
        double percentile90 = randomSimilarities[(int) (0.9 * randomSimilarities.length)];
        long above = associated.stream().filter(p -> vectors.similarity(p[0], p[1]) > percentile90).count();
        assertThat(above).as("associated pairs above the random pairs' 90th percentile %.3f", percentile90)
                .isGreaterThanOrEqualTo(25);
    }

    /** The {@code count} pairs of different vocabulary words seen together (within 5 words) at least 5 times with the highest PMI. */
    private static List<String[]> topPmiPairs(WordVectors vectors, int count) {
        Map<String, Integer> pairCounts = new HashMap<>();
        Map<String, Integer> wordCounts = new HashMap<>();
        long total = 0;
        List<String> words = lee.words();
        for (int s = 0; s < lee.sentenceCount(); s++) {
            int[] sentence = lee.sentence(s);
            for (int i = 0; i < sentence.length; i++) {
                String a = words.get(sentence[i]);
                if (!vectors.contains(a)) {
                    continue;
                }
                wordCounts.merge(a, 1, Integer::sum);
                total++;
                for (int j = i + 1; j < Math.min(sentence.length, i + 6); j++) {
                    String b = words.get(sentence[j]);
                    if (vectors.contains(b) && !a.equals(b)) {
                        pairCounts.merge(a.compareTo(b) < 0 ? a + " " + b : b + " " + a, 1, Integer::sum);
                    }
                }
            }
        }
        long n = total;
        return pairCounts.entrySet().stream().filter(e -> e.getValue() >= 5)
                .sorted((x, y) -> Double.compare(pmi(y, wordCounts, n), pmi(x, wordCounts, n)))
                .limit(count).map(e -> e.getKey().split(" ")).toList();
    }

    private static double pmi(Map.Entry<String, Integer> pair, Map<String, Integer> wordCounts, long total) {
        String[] words = pair.getKey().split(" ");
        return Math.log((double) pair.getValue() * total / wordCounts.get(words[0]) / wordCounts.get(words[1]));
    }
}
