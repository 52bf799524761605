package dev.grove.nlp.word2vec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * gensim's {@code KeyedVectors.evaluate_word_analogies}, step for step, so that the accuracy can be
 * compared with gensim's figure:
 *
 * <ul>
 *   <li>only the first {@code restrictVocab} words take part; words are compared upper-cased, and
 *       when two of them upper-case alike the more frequent one stands for both;</li>
 *   <li>a line starting with ": " opens a section; any other line must hold four words a b c d
 *       (else it is skipped), and is skipped too when one of them does not take part;</li>
 *   <li>the answer is found by 3CosAdd, b − a + c over the unit vectors, among the words taking
 *       part: of the five best words other than a, b and c, the first whose upper-cased form is not
 *       A, B or C (else the fifth); it is correct when it upper-cases to D;</li>
 *   <li>the accuracy is over the questions of all sections together ("Total accuracy").</li>
 * </ul>
 */
final class AnalogyEvaluation {

    /** gensim asks most_similar for this many words and takes the first acceptable one. */
    private static final int CANDIDATES = 5;

    private AnalogyEvaluation() {
    }

    static AnalogyScore evaluate(WordVectors vectors, Path file, int restrictVocab) throws IOException {
        Map<String, Integer> taking = new HashMap<>();
        List<String> words = vectors.words();
        for (int i = restrictVocab - 1; i >= 0; i--) {
            taking.put(words.get(i).toUpperCase(Locale.ROOT), i);
        }
        List<AnalogyScore.Section> sections = new ArrayList<>();
        String section = null;
        int sectionCorrect = 0;
        int sectionEvaluated = 0;
        int outOfVocabulary = 0;
        int questions = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.startsWith(": ")) {
                    if (section != null) {
                        sections.add(new AnalogyScore.Section(section, sectionCorrect, sectionEvaluated));
                    }
                    section = stripHeader(line);
                    sectionCorrect = 0;
                    sectionEvaluated = 0;
                    continue;
                }
                if (section == null) {
                    throw new IllegalArgumentException(Word2Vec.NAME + ": " + file + " line " + lineNumber
                            + " comes before the first section header; an analogy file starts with a line ': name'");
                }
                String[] question = line.strip().split("\\s+");
                if (question.length != 4) {
                    continue;
                }
                questions++;
                int[] ids = new int[4];
                boolean known = true;
                for (int w = 0; w < 4; w++) {
                    question[w] = question[w].toUpperCase(Locale.ROOT);
                    Integer id = taking.get(question[w]);
                    known &= id != null;
                    ids[w] = id == null ? -1 : id;
                }
                if (!known) {
                    outOfVocabulary++;
                    continue;
                }
                String predicted = answer(vectors, ids, new HashSet<>(List.of(question[0], question[1], question[2])), restrictVocab);
                sectionEvaluated++;
                if (question[3].equals(predicted)) {
                    sectionCorrect++;
                }
            }
        }
        if (section != null) {
            sections.add(new AnalogyScore.Section(section, sectionCorrect, sectionEvaluated));
        }
        int correct = 0;
        int evaluated = 0;
        for (AnalogyScore.Section s : sections) {
            correct += s.correct();
            evaluated += s.evaluated();
        }
        if (evaluated == 0) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": none of the " + questions + " questions in " + file
                    + " has all four words among the " + restrictVocab + " most frequent words, so nothing was evaluated");
        }
        return new AnalogyScore((double) correct / evaluated, correct, evaluated, outOfVocabulary, sections);
    }

    /** gensim's pick: among the best candidates other than a, b, c, the first not upper-casing to A, B or C. */
    private static String answer(WordVectors vectors, int[] ids, Set<String> inputs, int restrictVocab) {
        float[] query = vectors.offsetQuery(ids[1], ids[0], ids[2]);
        int[] best = vectors.rank(query, new int[] {ids[0], ids[1], ids[2]}, restrictVocab, CANDIDATES);
        String predicted = null;
        for (int row : best) {
            predicted = vectors.words().get(row).toUpperCase(Locale.ROOT);
            if (!inputs.contains(predicted)) {
                break;
            }
        }
        return predicted;
    }

    /** Python's line.lstrip(': ').strip(): the section name after the leading colons and spaces. */
    private static String stripHeader(String line) {
        int start = 0;
        while (start < line.length() && (line.charAt(start) == ':' || line.charAt(start) == ' ')) {
            start++;
        }
        return line.substring(start).strip();
    }
}
