package dev.grove.nlp.word2vec;

/**
 * Watches a word2vec training: hears when each epoch has finished and may ask it to stop. Called
 * from the worker threads: {@link #epochFinished} one call at a time, {@link #isCancelled} possibly
 * from several threads at once.
 */
public interface TrainingMonitor {

    /** Hears nothing and never stops the training. */
    TrainingMonitor NONE = new TrainingMonitor() {
    };

    /**
     * All threads have finished epoch {@code epoch} (1-based) of {@code epochs}.
     *
     * @param words        corpus words read so far (vocabulary words, before subsampling)
     * @param seconds      time since training started
     * @param learningRate the learning rate reached
     */
    default void epochFinished(int epoch, int epochs, long words, double seconds, double learningRate) {
    }

    /** Whether the training should stop; asked every 10,000 words or so. */
    default boolean isCancelled() {
        return false;
    }
}
