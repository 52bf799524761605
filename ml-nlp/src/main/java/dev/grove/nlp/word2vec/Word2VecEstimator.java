package dev.grove.nlp.word2vec;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code word2vec} component: trains word vectors ({@link Word2Vec}) on a token stream in the
 * {@code corpus} source's layout (see {@link Word2VecCorpus#fromDataset}) and, when the params name
 * them, scores the vectors on an analogy file (over the {@value #ANALOGY_VOCABULARY} most frequent
 * words, as the reference figures do) and a word-pair similarity file.
 *
 * <p>The figures reach a run's outputs two ways: history.csv gets a row per epoch ({@code lr},
 * {@code words-per-second}), the last row also holding {@code analogy-accuracy} and
 * {@code wordsim-spearman}; and the fitted model keeps the two scores as state attributes, which
 * the runtime reports in metrics.json as {@code model/analogy-accuracy} and
 * {@code model/wordsim-spearman} and which are saved with the model.
 *
 * <p>Random streams come from the run: {@code context.rng("seed-<seed>")}, so both the run's seed and
 * the {@code seed} param change them. With one thread the fit is bitwise reproducible; with more it
 * is not (Hogwild updates, see {@link Word2Vec}).
 */
public final class Word2VecEstimator implements Estimator<Word2VecModel> {

    /** How many of the most frequent words an analogy evaluation considers (gensim's restrict_vocab in the reference). */
    public static final int ANALOGY_VOCABULARY = 30_000;
    /** The history and metrics name of the analogy accuracy. */
    public static final String ANALOGY_ACCURACY = "analogy-accuracy";
    /** The history and metrics name of the word-pair Spearman correlation. */
    public static final String WORDSIM_SPEARMAN = "wordsim-spearman";

    private final Word2VecParams params;

    /** An estimator with {@code params}. */
    public Word2VecEstimator(Word2VecParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public Word2VecParams params() {
        return params;
    }

    /**
     * Trains on the token stream {@code data}.
     *
     * @throws IllegalArgumentException if the data are not a token stream, no word occurs min-count
     *                                  times, or an evaluation file is missing (checked before training)
     */
    @Override
    public Word2VecModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        Path analogies = evaluationFile("analogies", params.analogies(), context);
        Path similarities = evaluationFile("similarities", params.similarities(), context);
        Word2VecCorpus corpus = Word2VecCorpus.fromDataset(data);
        int threads = params.threads() > 0 ? params.threads() : context.threads();
        List<Map<String, Double>> epochs = Collections.synchronizedList(new ArrayList<>());
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void epochFinished(int epoch, int total, long words, double seconds, double learningRate) {
                double wordsPerSecond = words / seconds;
                epochs.add(Map.of("lr", learningRate, "words-per-second", wordsPerSecond));
                context.progress().update(Word2Vec.NAME, epoch, total, String.format(Locale.ROOT,
                        "lr %.5f, %,.0f words/s", learningRate, wordsPerSecond));
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }
        };
        WordVectors vectors = new Word2Vec(params).train(corpus, context.rng("seed-" + params.seed()), threads, monitor);
        Map<String, Double> scores = scores(vectors, analogies, similarities);
        for (int e = 0; e < epochs.size(); e++) {
            Map<String, Double> row = new LinkedHashMap<>(epochs.get(e));
            if (e == epochs.size() - 1) {
                row.putAll(scores);
            }
            context.recordHistory(e + 1, row);
        }
        return new Word2VecModel(data.schema(), vectors, scores);
    }

    private Map<String, Double> scores(WordVectors vectors, Path analogies, Path similarities) {
        Map<String, Double> scores = new LinkedHashMap<>();
        try {
            if (analogies != null) {
                scores.put(ANALOGY_ACCURACY, vectors.evaluateAnalogies(analogies, ANALOGY_VOCABULARY).accuracy());
            }
            if (similarities != null) {
                scores.put(WORDSIM_SPEARMAN, vectors.evaluateSimilarities(similarities).spearman());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Word2Vec.NAME + ": cannot read an evaluation file: " + e.getMessage(), e);
        }
        return scores;
    }

    /** The resolved evaluation file, or null when the param is not set; a missing file fails before training. */
    private static Path evaluationFile(String param, String path, RunContext context) {
        if (path == null) {
            return null;
        }
        Path resolved = context.resolvePath(path);
        if (!Files.isRegularFile(resolved)) {
            throw new IllegalArgumentException(Word2Vec.NAME + ": " + param + " file '" + path + "' not found (looked at "
                    + context.pathCandidates(path) + ")");
        }
        return resolved;
    }

    @Override
    public String toString() {
        return Word2Vec.NAME + params;
    }
}
