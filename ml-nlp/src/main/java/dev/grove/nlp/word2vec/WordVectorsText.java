package dev.grove.nlp.word2vec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The word2vec text format (word2vec.c's {@code -binary 0}, gensim's {@code save_word2vec_format}):
 * a header line "count dim", then one line per word: the word and its dim values, separated by
 * spaces. Values are written as Java's shortest decimal form of each float, which reads back to the
 * same float.
 */
final class WordVectorsText {

    private WordVectorsText() {
    }

    static void write(WordVectors vectors, Path file) throws IOException {
        for (String word : vectors.words()) {
            if (word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(Word2Vec.NAME + ": the word '" + word
                        + "' contains whitespace, which the word2vec text format cannot hold");
            }
        }
        int dim = vectors.dim();
        float[] values = vectors.vectorArray();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(vectors.size() + " " + dim + "\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < vectors.size(); i++) {
                line.setLength(0);
                line.append(vectors.words().get(i));
                for (int k = 0; k < dim; k++) {
                    line.append(' ').append(values[i * dim + k]);
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    static WordVectors read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            String[] sizes = header == null ? new String[0] : header.strip().split("\\s+");
            int count = sizes.length == 2 ? wholeNumber(sizes[0]) : -1;
            int dim = sizes.length == 2 ? wholeNumber(sizes[1]) : -1;
            if (count < 0 || dim < 1) {
                throw malformed(file, 1, "expected the header 'count dim' (two whole numbers, dim at least 1), got '"
                        + (header == null ? "(empty file)" : shorten(header)) + "'");
            }
            if ((long) count * dim > Integer.MAX_VALUE - 8) {
                throw malformed(file, 1, "the header promises " + count + " vectors of " + dim
                        + " values, more than a Java array holds");
            }
            List<String> words = new ArrayList<>(count);
            Map<String, Integer> seenOnLine = new HashMap<>(2 * count);
            float[] values = new float[count * dim];
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (words.size() == count) {
                    throw malformed(file, lineNumber, "more vectors than the " + count + " the header promises");
                }
                String word = parseLine(line, dim, values, words.size() * dim, file, lineNumber);
                Integer before = seenOnLine.putIfAbsent(word, lineNumber);
                if (before != null) {
                    throw malformed(file, lineNumber, "the word '" + word + "' appears a second time (first on line "
                            + before + ")");
                }
                words.add(word);
            }
            if (words.size() != count) {
                throw malformed(file, lineNumber, "the header promises " + count + " vectors but the file holds "
                        + words.size());
            }
            return new WordVectors(words, values, dim);
        }
    }

    /** Reads "word v1 … v_dim" into values[offset, offset + dim) and returns the word. */
    private static String parseLine(String line, int dim, float[] values, int offset, Path file, int lineNumber) {
        int position = skipSpaces(line, 0);
        int end = nextSpace(line, position);
        String word = line.substring(position, end);
        int read = 0;
        position = skipSpaces(line, end);
        while (position < line.length()) {
            end = nextSpace(line, position);
            if (read == dim) {
                throw malformed(file, lineNumber, "expected the word and " + dim + " numbers, got more numbers after '"
                        + word + "'");
            }
            String number = line.substring(position, end);
            try {
                values[offset + read] = Float.parseFloat(number);
            } catch (NumberFormatException e) {
                throw malformed(file, lineNumber, "value " + (read + 1) + " of '" + word + "' is '" + shorten(number)
                        + "', not a number");
            }
            read++;
            position = skipSpaces(line, end);
        }
        if (read != dim) {
            throw malformed(file, lineNumber, "expected the word and " + dim + " numbers, got " + read + " numbers after '"
                    + shorten(word) + "'");
        }
        return word;
    }

    private static int skipSpaces(String line, int from) {
        while (from < line.length() && Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int nextSpace(String line, int from) {
        while (from < line.length() && !Character.isWhitespace(line.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int wholeNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static IllegalArgumentException malformed(Path file, int line, String problem) {
        return new IllegalArgumentException(Word2Vec.NAME + ": " + file + " line " + line + ": " + problem);
    }
}
