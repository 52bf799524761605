package dev.grove.nlp.word2vec;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the worker threads of one training share besides the vectors: the count of words read by
 * all of them (which drives the learning-rate decay, as word2vec.c's word_count_actual), the
 * epochs each has finished, and the stop flag.
 */
final class SharedProgress {

    private final AtomicLong wordsRead = new AtomicLong();
    private final AtomicIntegerArray threadsDone;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final int threads;
    private final int epochs;
    private final TrainingMonitor monitor;
    private final long startNanos = System.nanoTime();

    SharedProgress(int threads, int epochs, TrainingMonitor monitor) {
        this.threads = threads;
        this.epochs = epochs;
        this.monitor = monitor;
        this.threadsDone = new AtomicIntegerArray(epochs);
    }

    /** Adds {@code words} read by one thread; returns the total read by all threads so far. */
    long addWords(long words) {
        if (monitor.isCancelled()) {
            stopped.set(true);
        }
        return wordsRead.addAndGet(words);
    }

    /** Whether the workers should stop (cancelled, or another worker failed). */
    boolean isStopped() {
        return stopped.get();
    }

    /** Asks every worker to stop. */
    void stop() {
        stopped.set(true);
    }

    /** Tells the monitor when the last thread finishes {@code epoch} (0-based). */
    void epochFinished(int epoch, double learningRate) {
        if (threadsDone.incrementAndGet(epoch) == threads) {
            synchronized (this) {
                monitor.epochFinished(epoch + 1, epochs, wordsRead.get(), (System.nanoTime() - startNanos) / 1e9,
                        learningRate);
            }
        }
    }
}
