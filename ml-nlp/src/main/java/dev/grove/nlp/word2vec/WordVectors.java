package dev.grove.nlp.word2vec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Trained word vectors: one float vector of length {@link #dim()} per word, words in vocabulary
 * order (most frequent first). Immutable and safe to share between threads.
 *
 * <p>Similarities are cosines, computed on unit-length copies of the vectors as gensim's
 * {@code KeyedVectors} does: {@link #nearest} (gensim's {@code most_similar(word)}),
 * {@link #analogy} (3CosAdd, {@code most_similar(positive=[a, c], negative=[b])}), and the two
 * standard evaluations ({@link #evaluateAnalogies}, {@link #evaluateSimilarities}). The word2vec
 * text format is written by {@link #writeText} and read by {@link #readText}.
 */
public final class WordVectors {

    private final List<String> words;
    private final Map<String, Integer> ids;
    private final float[] vectors;
    private final float[] unitVectors;
    private final int dim;

    /**
     * Vectors for {@code words}: row i of {@code vectors} (row-major, words.size() × dim, taken
     * without copying) belongs to word i.
     *
     * @throws IllegalArgumentException if the sizes disagree or a word is empty or repeated
     */
    public WordVectors(List<String> words, float[] vectors, int dim) {
        this.words = List.copyOf(words);
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        if (dim < 1 || (long) this.words.size() * dim != vectors.length) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": " + vectors.length + " vector values do not hold "
                    + this.words.size() + " words × dim " + dim);
        }
        this.dim = dim;
        this.ids = new HashMap<>(2 * this.words.size());
        for (int i = 0; i < this.words.size(); i++) {
            String word = this.words.get(i);
            if (word.isEmpty()) {
                throw new IllegalArgumentException(Word2Vec.NAME + ": word " + i + " is empty");
            }
            Integer before = ids.putIfAbsent(word, i);
            if (before != null) {
                throw new IllegalArgumentException(Word2Vec.NAME + ": the word '" + word + "' appears twice (at "
                        + before + " and " + i + ")");
            }
        }
        this.unitVectors = unitLength(vectors, dim);
    }

    /** Each row divided by its Euclidean norm (a zero row stays zero). */
    private static float[] unitLength(float[] vectors, int dim) {
        float[] unit = new float[vectors.length];
        for (int row = 0; row < vectors.length; row += dim) {
            double squares = 0;
            for (int k = 0; k < dim; k++) {
                squares += (double) vectors[row + k] * vectors[row + k];
            }
            if (squares > 0) {
                float inverse = (float) (1 / Math.sqrt(squares));
                for (int k = 0; k < dim; k++) {
                    unit[row + k] = vectors[row + k] * inverse;
                }
            }
        }
        return unit;
    }

    /** Number of words. */
    public int size() {
        return words.size();
    }

    /** Length of each vector. */
    public int dim() {
        return dim;
    }

    /** The words, most frequent first (vocabulary order). */
    public List<String> words() {
        return words;
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return ids.containsKey(word);
    }

    /**
     * The vector of {@code word}, a copy.
     *
     * @throws IllegalArgumentException if the word is not in the vocabulary
     */
    public float[] vector(String word) {
        int row = id(word) * dim;
        return Arrays.copyOfRange(vectors, row, row + dim);
    }

    /**
     * The cosine similarity of two words.
     *
     * @throws IllegalArgumentException if a word is not in the vocabulary
     */
    public double similarity(String a, String b) {
        return VectorMath.dot(unitVectors, id(a) * dim, unitVectors, id(b) * dim, dim);
    }

    /**
     * The {@code k} words most similar to {@code word} by cosine, most similar first, without the
     * word itself.
     *
     * @throws IllegalArgumentException if the word is not in the vocabulary or k < 1
     */
    public List<Neighbour> nearest(String word, int k) {
        int id = id(word);
        float[] query = Arrays.copyOfRange(unitVectors, id * dim, id * dim + dim);
        return neighbours(query, 1, new int[] {id}, size(), k);
    }

    /**
     * The {@code k} words closest to a − b + c by cosine (3CosAdd: the unit vectors of a, b and c
     * are combined, as gensim's {@code most_similar(positive=[a, c], negative=[b])}), without a, b
     * and c themselves: {@code analogy("king", "man", "woman", 1)} answers "queen" with good vectors.
     *
     * @throws IllegalArgumentException if a word is not in the vocabulary or k < 1
     */
    public List<Neighbour> analogy(String a, String b, String c, int k) {
        int[] inputs = {id(a), id(b), id(c)};
        float[] query = offsetQuery(inputs[0], inputs[1], inputs[2]);
        return neighbours(query, norm(query), inputs, size(), k);
    }

    /**
     * Scores the vectors on an analogy file in the questions-words format, exactly as gensim's
     * {@code evaluate_word_analogies(path, restrict_vocab)}: sections start with ": name"; each
     * question "a b c d" asks for d = b − a + c among the first {@code restrictVocab} words,
     * compared case-insensitively; questions with a word outside those are skipped; lines without
     * four words are skipped. The accuracy is over all sections together (gensim's "Total accuracy").
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if a question comes before the first section header, or no
     *                                  question could be evaluated
     */
    public AnalogyScore evaluateAnalogies(Path questions, int restrictVocab) throws IOException {
        if (restrictVocab < 1) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": restrictVocab must be at least 1, got " + restrictVocab);
        }
        return AnalogyEvaluation.evaluate(this, questions, Math.min(restrictVocab, size()));
    }

    /**
     * Scores the vectors on a word-pair file as gensim's {@code evaluate_word_pairs}: tab-separated
     * lines "word, word, human score"; lines starting with # are comments; lines that are not three
     * fields with a number last are skipped; pairs with a word not in the vocabulary (compared
     * case-insensitively) are skipped. Returns Spearman's rank correlation (ties get average ranks)
     * and Pearson's correlation between the human scores and the cosine similarities.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if no pair could be scored
     */
    public SimilarityScore evaluateSimilarities(Path pairs) throws IOException {
        return SimilarityEvaluation.evaluate(this, pairs);
    }

    /**
     * Writes the word2vec text format: a line "count dim", then one line per word, "word v1 v2 …".
     *
     * @throws IOException              if the file cannot be written
     * @throws IllegalArgumentException if a word contains whitespace, which the format cannot hold
     */
    public void writeText(Path file) throws IOException {
        WordVectorsText.write(this, file);
    }

    /**
     * Reads the word2vec text format written by {@link #writeText} (or word2vec.c, gensim).
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is malformed, naming the line
     */
    public static WordVectors readText(Path file) throws IOException {
        return WordVectorsText.read(file);
    }

    /** The index of {@code word}, or an error naming it and the vocabulary size. */
    int id(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: '%s' is not in the vocabulary (%,d words)",
                    Word2Vec.NAME, word, size()));
        }
        return id;
    }

    /** The raw vectors, row-major; not copied, never to be changed. */
    float[] vectorArray() {
        return vectors;
    }

    /** unit(plus) − unit(minus) + unit(otherPlus) for rows of the vocabulary: the 3CosAdd query. */
    float[] offsetQuery(int plus, int minus, int otherPlus) {
        float[] query = new float[dim];
        VectorMath.axpy(1f, unitVectors, plus * dim, query, 0, dim);
        VectorMath.axpy(-1f, unitVectors, minus * dim, query, 0, dim);
        VectorMath.axpy(1f, unitVectors, otherPlus * dim, query, 0, dim);
        return query;
    }

    /** The Euclidean norm of {@code v}. */
    static double norm(float[] v) {
        double squares = 0;
        for (float x : v) {
            squares += (double) x * x;
        }
        return Math.sqrt(squares);
    }

    /**
     * The {@code k} words among the first {@code limit} with the largest cosine to {@code query}
     * (of norm {@code queryNorm}), skipping the rows in {@code excluded}; most similar first, ties
     * by lower index.
     */
    List<Neighbour> neighbours(float[] query, double queryNorm, int[] excluded, int limit, int k) {
        if (k < 1) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": k must be at least 1, got " + k);
        }
        int[] best = rank(query, excluded, limit, k);
        List<Neighbour> out = new ArrayList<>(best.length);
        for (int row : best) {
            double cosine = queryNorm == 0 ? 0 : VectorMath.dot(unitVectors, row * dim, query, 0, dim) / queryNorm;
            out.add(new Neighbour(words.get(row), cosine));
        }
        return out;
    }

    /**
     * The rows among the first {@code limit}, not in {@code excluded}, with the {@code k} largest
     * dot products of their unit vector with {@code query}, largest first (ties by lower row).
     */
    int[] rank(float[] query, int[] excluded, int limit, int k) {
        int capacity = Math.min(k, limit);
        int[] rows = new int[capacity];
        float[] scores = new float[capacity];
        int found = 0;
        for (int row = 0; row < limit; row++) {
            if (contains(excluded, row)) {
                continue;
            }
            float score = VectorMath.dot(unitVectors, row * dim, query, 0, dim);
            if (found == capacity && !(score > scores[found - 1])) {
                continue;
            }
            int at = found == capacity ? found - 1 : found++;
            while (at > 0 && score > scores[at - 1]) {
                rows[at] = rows[at - 1];
                scores[at] = scores[at - 1];
                at--;
            }
            rows[at] = row;
            scores[at] = score;
        }
        return Arrays.copyOf(rows, found);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "WordVectors[" + size() + " words × " + dim + "]";
    }
}
