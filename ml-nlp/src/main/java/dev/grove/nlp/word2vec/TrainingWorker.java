package dev.grove.nlp.word2vec;

import java.util.Arrays;

/**
 * One thread of a word2vec training: it runs every epoch over its own fixed stretch of sentences,
 * updating the shared vectors without locks (Hogwild, as word2vec.c and gensim do), with its own
 * random stream. For each sentence it drops words by subsampling, then for every centre word draws
 * a reduced window b in [0, window) and trains on the context words within window − b:
 *
 * <ul>
 *   <li>skip-gram: for each context word c, c's input vector predicts the centre word;</li>
 *   <li>CBOW: the mean of the context words' input vectors predicts the centre word, and each of
 *       them gets the whole update (gensim's cbow_mean=1, as word2vec.c).</li>
 * </ul>
 *
 * The inner loops allocate nothing.
 */
final class TrainingWorker implements Runnable {

    /** Words between learning-rate updates, as word2vec.c and gensim's job size. */
    private static final int WORDS_PER_UPDATE = 10_000;
    /** 64-byte cache lines. */
    private static final int FLOATS_PER_CACHE_LINE = 16;

    private final float[] inputVectors;
    private final float[] outputVectors;
    private final int dim;
    private final boolean cbow;
    private final int window;
    private final int negative;
    private final int epochs;
    private final double startLr;
    private final double minLr;
    private final long totalWords;
    private final int[] tokens;
    private final int[] sentenceStarts;
    private final int firstSentence;
    private final int endSentence;
    private final float[] keep;
    private final boolean subsample;
    private final UnigramTable noise;
    private final SharedProgress progress;

    private final int[] sentence;
    private final int[] targets;
    private final float[] contextMean;
    private final float[] inputUpdate;
    private long randomState;
    private float alpha;
    private float prefetchSink;

    /**
     * A worker for sentences [firstSentence, endSentence) of {@code vocabulary}'s text.
     *
     * @param seed the start of this thread's random stream
     */
    TrainingWorker(Word2VecParams params, TrainingVocabulary vocabulary, float[] inputVectors, float[] outputVectors,
                   float[] keep, UnigramTable noise, int firstSentence, int endSentence, long seed,
                   SharedProgress progress) {
        this.inputVectors = inputVectors;
        this.outputVectors = outputVectors;
        this.dim = params.dim();
        this.cbow = params.isCbow();
        this.window = params.window();
        this.negative = params.negative();
        this.epochs = params.epochs();
        this.startLr = params.lr();
        this.minLr = params.minLr();
        this.totalWords = params.epochs() * vocabulary.trainWords;
        this.tokens = vocabulary.tokens;
        this.sentenceStarts = vocabulary.sentenceStarts;
        this.firstSentence = firstSentence;
        this.endSentence = endSentence;
        this.keep = keep;
        this.subsample = params.sample() > 0;
        this.noise = noise;
        this.progress = progress;
        int longest = 0;
        for (int s = firstSentence; s < endSentence; s++) {
            longest = Math.max(longest, sentenceStarts[s + 1] - sentenceStarts[s]);
        }
        this.sentence = new int[longest];
        this.targets = new int[negative + 1];
        this.contextMean = new float[dim];
        this.inputUpdate = new float[dim];
        this.randomState = seed;
        this.alpha = (float) startLr;
    }

    @Override
    public void run() {
        for (int epoch = 0; epoch < epochs; epoch++) {
            long unreported = 0;
            for (int s = firstSentence; s < endSentence; s++) {
                if (unreported >= WORDS_PER_UPDATE) {
                    updateLearningRate(progress.addWords(unreported));
                    unreported = 0;
                    if (progress.isStopped()) {
                        return;
                    }
                }
                int start = sentenceStarts[s];
                int end = sentenceStarts[s + 1];
                unreported += end - start;
                int length = subsampled(start, end);
                if (cbow) {
                    trainCbow(length);
                } else {
                    trainSkipGram(length);
                }
            }
            updateLearningRate(progress.addWords(unreported));
            progress.epochFinished(epoch, alpha);
        }
    }

    /** The learning rate falls linearly from lr to min-lr over all words of all epochs (gensim). */
    private void updateLearningRate(long wordsRead) {
        double share = Math.min(1, (double) wordsRead / (totalWords + 1));
        alpha = (float) Math.max(minLr, startLr - (startLr - minLr) * share);
    }

    /** Copies tokens[start, end) into {@link #sentence}, dropping frequent words by chance; returns the count kept. */
    private int subsampled(int start, int end) {
        int length = 0;
        for (int p = start; p < end; p++) {
            int word = tokens[p];
            // Keep with probability keep[word]: a uniform draw in [0, 1) with 24 random bits.
            if (!subsample || (nextRandom() >>> 40) * 0x1.0p-24f < keep[word]) {
                sentence[length++] = word;
            }
        }
        return length;
    }

    private void trainSkipGram(int length) {
        for (int i = 0; i < length; i++) {
            int word = sentence[i];
            int reduced = nextInt(window);
            int from = Math.max(0, i - window + reduced);
            int to = Math.min(length, i + window + 1 - reduced);
            for (int j = from; j < to; j++) {
                if (j == i) {
                    continue;
                }
                int input = sentence[j] * dim;
                Arrays.fill(inputUpdate, 0f);
                NegativeSampling.train(inputVectors, input, outputVectors, targets, drawTargets(word), alpha, dim,
                        inputUpdate);
                VectorMath.axpy(1f, inputUpdate, 0, inputVectors, input, dim);
            }
        }
    }

    private void trainCbow(int length) {
        for (int i = 0; i < length; i++) {
            int word = sentence[i];
            int reduced = nextInt(window);
            int from = Math.max(0, i - window + reduced);
            int to = Math.min(length, i + window + 1 - reduced);
            int contextWords = to - from - 1;
            if (contextWords == 0) {
                continue;
            }
            Arrays.fill(contextMean, 0f);
            for (int j = from; j < to; j++) {
                if (j != i) {
                    VectorMath.axpy(1f, inputVectors, sentence[j] * dim, contextMean, 0, dim);
                }
            }
            float inverse = 1f / contextWords;
            for (int k = 0; k < dim; k++) {
                contextMean[k] *= inverse;
            }
            Arrays.fill(inputUpdate, 0f);
            NegativeSampling.train(contextMean, 0, outputVectors, targets, drawTargets(word), alpha, dim, inputUpdate);
            for (int j = from; j < to; j++) {
                if (j != i) {
                    VectorMath.axpy(1f, inputUpdate, 0, inputVectors, sentence[j] * dim, dim);
                }
            }
        }
    }

    /**
     * Fills {@link #targets} with {@code word} then the negative samples drawn from the unigram
     * distribution, skipping draws of {@code word} itself (word2vec.c); returns how many targets
     * there are.
     */
    private int drawTargets(int word) {
        targets[0] = word;
        int count = 1;
        for (int d = 0; d < negative; d++) {
            int sample = noise.draw(nextRandom());
            if (sample != word) {
                targets[count++] = sample;
            }
        }
        prefetchRows(count);
        return count;
    }

    /**
     * Reads one value of every cache line of the negatives' output rows before they are used. The
     * rows of rare words are seldom in the cache, and the training of one target waits on the
     * previous one's result; these independent reads let the processor fetch all rows at once
     * (Java has no prefetch instruction). This made skip-gram about a quarter faster.
     */
    private void prefetchRows(int count) {
        float touched = 0;
        for (int d = 1; d < count; d++) {
            int row = targets[d] * dim;
            for (int k = 0; k < dim; k += FLOATS_PER_CACHE_LINE) {
                touched += outputVectors[row + k];
            }
        }
        // Stored so that the compiler cannot drop the reads.
        prefetchSink += touched;
    }

    /** The next number of this thread's SplitMix64 stream: fast, well mixed, and no object in the loop. */
    private long nextRandom() {
        long z = randomState += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound) from 32 random bits, by multiply-and-shift (bias below 2^-32·bound). */
    private int nextInt(int bound) {
        return (int) (((nextRandom() >>> 32) * bound) >>> 32);
    }
}
