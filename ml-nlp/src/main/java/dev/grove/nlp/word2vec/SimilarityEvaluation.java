package dev.grove.nlp.word2vec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * gensim's {@code KeyedVectors.evaluate_word_pairs}: reads tab-separated lines "word, word, human
 * score" (lines starting with # are comments; lines that are not three fields with a number last
 * are skipped), looks the words up upper-cased (the more frequent word standing for words that
 * upper-case alike), skips pairs with an unknown word, and correlates the human scores with the
 * cosine similarities.
 */
final class SimilarityEvaluation {

    private SimilarityEvaluation() {
    }

    static SimilarityScore evaluate(WordVectors vectors, Path file) throws IOException {
        Map<String, Integer> known = new HashMap<>();
        List<String> words = vectors.words();
        for (int i = words.size() - 1; i >= 0; i--) {
            known.put(words.get(i).toUpperCase(Locale.ROOT), i);
        }
        double[] human = new double[64];
        double[] model = new double[64];
        int pairs = 0;
        int outOfVocabulary = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 3) {
                    continue;
                }
                double score;
                try {
                    score = Double.parseDouble(fields[2].strip());
                } catch (NumberFormatException notANumber) {
                    continue;
                }
                Integer a = known.get(fields[0].toUpperCase(Locale.ROOT));
                Integer b = known.get(fields[1].toUpperCase(Locale.ROOT));
                if (a == null || b == null) {
                    outOfVocabulary++;
                    continue;
                }
                if (pairs == human.length) {
                    human = Arrays.copyOf(human, 2 * pairs);
                    model = Arrays.copyOf(model, 2 * pairs);
                }
                human[pairs] = score;
                model[pairs] = vectors.similarity(words.get(a), words.get(b));
                pairs++;
            }
        }
        if (pairs == 0) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": no word pair of " + file + " could be scored ("
                    + outOfVocabulary + " pairs with a word not in the vocabulary; the file needs tab-separated"
                    + " lines 'word, word, score')");
        }
        human = Arrays.copyOf(human, pairs);
        model = Arrays.copyOf(model, pairs);
        return new SimilarityScore(Correlation.spearman(human, model), Correlation.pearson(human, model), pairs,
                outOfVocabulary);
    }
}
