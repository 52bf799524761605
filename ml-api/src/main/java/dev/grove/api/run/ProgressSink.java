package dev.grove.api.run;

/** Receives progress of long work (epochs, iterations) for a progress bar or periodic log lines. */
@FunctionalInterface
public interface ProgressSink {

    /** Discards progress. */
    ProgressSink NONE = (task, done, total, message) -> { };

    /**
     * Reports that {@code done} of {@code total} steps of {@code task} are finished ({@code total} ≤ 0
     * when unknown); {@code message} is a short status such as "loss 0.213".
     */
    void update(String task, long done, long total, String message);
}
