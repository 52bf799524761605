package dev.grove.neural.train;

import java.util.Map;
import java.util.Objects;

/**
 * What a call of {@link Trainer#train} did. Epochs are numbered from 1, as in {@code history.csv}.
 *
 * @param start        how the run began: fresh, from a checkpoint, or asked to resume without finding one
 * @param epochs       the last epoch completed, counting those before a resume (in steps mode the last
 *                     one may be partial)
 * @param steps        optimizer steps taken in all, counting those before a resume
 * @param stoppedEarly whether early stopping ended training before the planned epochs
 * @param monitor      the history figure that picks the best epoch: early stopping's monitor if set,
 *                     else {@code val/loss} when there is validation data, else {@code train/loss}
 * @param bestEpoch    the epoch with the best monitored figure, or 0 if no epoch had a finite one
 * @param restoredBest whether the best epoch's parameters and buffers were put back at the end
 * @param finalFigures the history figures of the last epoch
 * @param bestFigures  the history figures of the best epoch (empty if {@code bestEpoch} is 0)
 */
public record TrainingResult(Start start, int epochs, long steps, boolean stoppedEarly, String monitor, int bestEpoch,
                             boolean restoredBest, Map<String, Double> finalFigures, Map<String, Double> bestFigures) {

    /** How a training run began. */
    public enum Start {
        /** From the network's current weights (no resume was asked). */
        FRESH,
        /** From the checkpoint in the run directory, continuing after its epoch. */
        RESUMED,
        /** A resume was asked but the run directory held no checkpoint, so training started from scratch. */
        NO_CHECKPOINT
    }

    /** Copies the figure maps. */
    public TrainingResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(monitor, "monitor");
        finalFigures = Map.copyOf(finalFigures);
        bestFigures = Map.copyOf(bestFigures);
    }
}
