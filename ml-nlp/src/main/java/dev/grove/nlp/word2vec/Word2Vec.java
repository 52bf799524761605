package dev.grove.nlp.word2vec;

import dev.grove.tensor.Rng;
import dev.grove.tensor.ThreadBudget;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Trains word vectors with word2vec (Mikolov et al. 2013): skip-gram or CBOW with negative
 * sampling, following word2vec.c and gensim step by step. Usable without any experiment file:
 *
 * <pre>{@code
 * Word2VecCorpus corpus = Word2VecCorpus.read(Path.of("english-corpus.txt.gz"));
 * WordVectors vectors = new Word2Vec(Word2VecParams.defaults()).train(corpus);
 * vectors.nearest("king", 10);
 * }</pre>
 *
 * <p>The recipe: a vocabulary of the words seen at least min-count times, by decreasing count;
 * other words are dropped from the sentences before windows are formed (gensim). Input vectors
 * start uniform in [−0.5/dim, 0.5/dim), output vectors (syn1neg) at zero. Each epoch reads every
 * sentence; frequent words are dropped by chance (subsampling); for each remaining centre word a
 * reduced window is drawn and the pairs within it are trained by {@link NegativeSampling}, with
 * negatives from the unigram^0.75 distribution ({@link UnigramTable}) and σ from word2vec.c's
 * EXP_TABLE. The learning rate falls linearly from lr to min-lr over all words of all epochs,
 * updated every 10,000 words.
 *
 * <p>Threads: the sentences are cut into one fixed contiguous stretch per thread (of about equal word
 * counts); each thread runs all epochs over its stretch with its own random stream, derived from the
 * seed and the thread's index, and all update the shared vectors without locks (Hogwild, as
 * word2vec.c and gensim). With one thread the result is bitwise the same for the same seed. With
 * more, it is not: threads read and write the same vectors in an order the scheduler decides, and the
 * learning rate follows the words read by all threads; the quality is the same, the exact numbers are
 * not (gensim with several workers behaves the same way).
 */
public final class Word2Vec {

    /** The component name, used in messages. */
    public static final String NAME = "word2vec";

    private final Word2VecParams params;

    /** A trainer with {@code params}. */
    public Word2Vec(Word2VecParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public Word2VecParams params() {
        return params;
    }

    /**
     * Trains on {@code corpus} with the params' seed and thread count (0: the {@link ThreadBudget}).
     *
     * @throws IllegalArgumentException if the corpus is empty or no word occurs min-count times
     */
    public WordVectors train(Word2VecCorpus corpus) {
        int threads = params.threads() > 0 ? params.threads() : ThreadBudget.get();
        return train(corpus, new Rng(params.seed()), threads, TrainingMonitor.NONE);
    }

    /**
     * Trains on {@code corpus} with random streams derived from {@code random}, on {@code threads}
     * worker threads (the params' thread count is not consulted), reporting to {@code monitor}.
     *
     * @throws IllegalArgumentException if the corpus is empty or no word occurs min-count times
     * @throws CancellationException    if the monitor asked the training to stop
     */
    public WordVectors train(Word2VecCorpus corpus, Rng random, int threads, TrainingMonitor monitor) {
        Objects.requireNonNull(corpus, "corpus");
        Objects.requireNonNull(monitor, "monitor");
        if (threads < 1) {
            throw new IllegalArgumentException(NAME + ": threads must be at least 1, got " + threads);
        }
        TrainingVocabulary vocabulary = TrainingVocabulary.of(corpus, params.minCount());
        int dim = params.dim();
        long cells = (long) vocabulary.size() * dim;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(NAME + ": " + vocabulary.size() + " words × dim " + dim
                    + " exceed the largest Java array; raise min-count or lower dim");
        }
        float[] input = initialVectors(random.derive("vectors"), (int) cells, dim);
        float[] output = new float[(int) cells];
        float[] keep = vocabulary.keepProbabilities(params.sample());
        UnigramTable noise = UnigramTable.of(vocabulary.counts);
        int sentences = vocabulary.sentenceStarts.length - 1;
        int workers = Math.max(1, Math.min(threads, sentences));
        SharedProgress progress = new SharedProgress(workers, params.epochs(), monitor);
        int[] bounds = chunkBounds(vocabulary.sentenceStarts, workers);
        TrainingWorker[] jobs = new TrainingWorker[workers];
        for (int t = 0; t < workers; t++) {
            jobs[t] = new TrainingWorker(params, vocabulary, input, output, keep, noise, bounds[t], bounds[t + 1],
                    random.derive("thread-" + t).nextLong(), progress);
        }
        runAll(jobs, progress);
        if (progress.isStopped()) {
            throw new CancellationException(NAME + ": training cancelled");
        }
        return new WordVectors(List.of(vocabulary.words), input, dim);
    }

    /** Uniform in [−0.5/dim, 0.5/dim), as word2vec.c and gensim start the input vectors. */
    private static float[] initialVectors(Rng random, int cells, int dim) {
        float[] vectors = new float[cells];
        for (int i = 0; i < cells; i++) {
            vectors[i] = (float) ((random.nextDouble() - 0.5) / dim);
        }
        return vectors;
    }

    /**
     * Sentence indices cutting the text into {@code parts} contiguous stretches of about equal word
     * counts: part t is sentences [bounds[t], bounds[t + 1]), each non-empty.
     */
    static int[] chunkBounds(int[] sentenceStarts, int parts) {
        int sentences = sentenceStarts.length - 1;
        long words = sentenceStarts[sentences];
        int[] bounds = new int[parts + 1];
        bounds[parts] = sentences;
        for (int t = 1; t < parts; t++) {
            long goal = words * t / parts;
            int s = Arrays.binarySearch(sentenceStarts, 0, sentences, (int) goal);
            s = s >= 0 ? s : -s - 1;
            bounds[t] = Math.max(bounds[t - 1] + 1, Math.min(s, sentences - (parts - t)));
        }
        return bounds;
    }

    /** Runs the workers, the last on the calling thread; rethrows the first failure. */
    private static void runAll(TrainingWorker[] jobs, SharedProgress progress) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[jobs.length - 1];
        for (int t = 0; t < threads.length; t++) {
            TrainingWorker job = jobs[t];
            threads[t] = new Thread(() -> guarded(job, progress, failure), NAME + "-worker-" + t);
            threads[t].setDaemon(true);
            threads[t].start();
        }
        guarded(jobs[jobs.length - 1], progress, failure);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    // Workers write into shared arrays: wait for them before returning, then keep the interrupt.
                    interrupted = true;
                    progress.stop();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable first = failure.get();
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    private static void guarded(TrainingWorker job, SharedProgress progress, AtomicReference<Throwable> failure) {
        try {
            job.run();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            progress.stop();
        }
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
