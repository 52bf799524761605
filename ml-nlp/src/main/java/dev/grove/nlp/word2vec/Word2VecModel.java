package dev.grove.nlp.word2vec;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.ModelState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted {@code word2vec} component: the {@link WordVectors} and the scores the fit measured.
 *
 * <p>{@link #state()} holds the float32 array {@code vectors} (words × dim) and the float32 array
 * {@code token-ids}: for each word (most frequent first) its index among the schema's class labels,
 * the vocabulary of the token stream it was trained on, so the words themselves travel with the
 * schema. The scores ({@code analogy-accuracy}, {@code wordsim-spearman}) are attributes.
 *
 * <p>In a run it writes {@value #NEIGHBOURS_FILE}: the nearest words of a few frequent words, which a
 * report shows under "Nearest neighbours".
 */
public final class Word2VecModel implements ArtifactWriter {

    /** The file {@link #writeArtifacts} writes. */
    public static final String NEIGHBOURS_FILE = "neighbours.txt";
    /** The most frequent words are mostly function words ("the", "of"), so the shown words start after them. */
    static final int SKIPPED_WORDS = 20;
    /** How many words the file shows. */
    static final int SHOWN_WORDS = 10;
    /** How many neighbours each shown word has. */
    static final int NEIGHBOURS = 8;

    private final Schema schema;
    private final WordVectors vectors;
    private final Map<String, Double> scores;

    /**
     * A model of {@code vectors} trained on data of {@code schema}, whose class labels must contain
     * every word.
     */
    public Word2VecModel(Schema schema, WordVectors vectors, Map<String, Double> scores) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        this.scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /**
     * Rebuilds a model from {@link #state()} and the training schema.
     *
     * @throws IllegalArgumentException if an array is missing or has the wrong shape, a token id is
     *                                  not a class label index, or the vector length is not the params' dim
     */
    public static Word2VecModel restore(Word2VecParams params, Schema schema, ModelState state) {
        int[] shape = state.shape("vectors");
        if (shape.length != 2 || shape[1] != params.dim()) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": model state array 'vectors' has shape "
                    + Arrays.toString(shape) + "; expected [words, " + params.dim() + "] for dim " + params.dim());
        }
        float[] ids = state.floats("token-ids", shape[0]);
        List<String> labels = schema.classLabels();
        List<String> words = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            float id = ids[i];
            if (!(id >= 0 && id < labels.size() && id == Math.rint(id))) {
                throw new IllegalArgumentException(Word2Vec.NAME + ": model state 'token-ids' holds " + id + " at " + i
                        + ", not an index into the schema's " + labels.size() + " class labels");
            }
            words.add(labels.get((int) id));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String name : List.of(Word2VecEstimator.ANALOGY_ACCURACY, Word2VecEstimator.WORDSIM_SPEARMAN)) {
            String value = state.attributes().get(name);
            if (value != null) {
                try {
                    scores.put(name, Double.parseDouble(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(Word2Vec.NAME + ": model state attribute '" + name + "' is '"
                            + value + "', not a number", e);
                }
            }
        }
        return new Word2VecModel(schema, new WordVectors(words, state.floats("vectors", shape), shape[1]), scores);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The word vectors. */
    public WordVectors vectors() {
        return vectors;
    }

    /** The scores measured after the fit, by name ({@code analogy-accuracy}, {@code wordsim-spearman}); may be empty. */
    public Map<String, Double> scores() {
        return scores;
    }

    @Override
    public ModelState state() {
        List<String> labels = schema.classLabels();
        Map<String, Integer> labelIndex = new HashMap<>(2 * labels.size());
        for (int i = 0; i < labels.size(); i++) {
            labelIndex.putIfAbsent(labels.get(i), i);
        }
        float[] ids = new float[vectors.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = labelIndex.get(vectors.words().get(i));
            if (id == null) {
                throw new IllegalStateException(Word2Vec.NAME + ": the word '" + vectors.words().get(i)
                        + "' is not among the schema's class labels, so the model cannot be saved");
            }
            ids[i] = id;
        }
        ModelState.Builder state = ModelState.builder()
                .put("vectors", vectors.vectorArray(), vectors.size(), vectors.dim())
                .put("token-ids", ids);
        scores.forEach((name, value) -> state.attribute(name, Double.toString(value)));
        return state.build();
    }

    /**
     * Writes {@value #NEIGHBOURS_FILE}: for {@value #SHOWN_WORDS} words in order of frequency, after
     * the {@value #SKIPPED_WORDS} most frequent (fewer skipped when the vocabulary is small), one line
     * {@code word: neighbour (cosine), ...} with its {@value #NEIGHBOURS} nearest words. The data and
     * seed are not used: the neighbours depend on the vectors alone.
     */
    @Override
    public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
        int size = vectors.size();
        if (size < 2) {
            return List.of();
        }
        int first = Math.min(SKIPPED_WORDS, Math.max(0, size - SHOWN_WORDS));
        int last = Math.min(size, first + SHOWN_WORDS);
        int k = Math.min(NEIGHBOURS, size - 1);
        StringBuilder text = new StringBuilder("The ").append(k).append(" nearest words by cosine similarity of the ")
                .append(last - first).append(" words ranked ").append(first + 1).append(" to ").append(last)
                .append(" by frequency.\n\n");
        for (int i = first; i < last; i++) {
            String word = vectors.words().get(i);
            text.append(word).append(':');
            String separator = " ";
            for (Neighbour neighbour : vectors.nearest(word, k)) {
                text.append(separator).append(neighbour.word()).append(String.format(Locale.ROOT, " (%.3f)",
                        neighbour.similarity()));
                separator = ", ";
            }
            text.append('\n');
        }
        Files.writeString(directory.resolve(NEIGHBOURS_FILE), text);
        return List.of(NEIGHBOURS_FILE);
    }

    @Override
    public String toString() {
        return "Word2VecModel[" + vectors.size() + " words × " + vectors.dim() + (scores.isEmpty() ? "" : ", " + scores)
                + "]";
    }
}
