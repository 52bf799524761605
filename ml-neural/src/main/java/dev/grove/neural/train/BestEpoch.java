package dev.grove.neural.train;

import dev.grove.api.model.ModelState;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import java.util.Map;

/**
 * Follows the monitored history figure epoch by epoch: which epoch was best, how many epochs have
 * passed without an improvement (early stopping's patience, counted as Keras does), and, when asked,
 * a copy of the best epoch's parameters and buffers to put back at the end.
 */
final class BestEpoch {

    private static final String BEST_PREFIX = "best/";

    private final String monitor;
    private final boolean higherIsBetter;
    private final double minDelta;
    private final int patience;
    private final boolean keepWeights;
    private double bestValue = Double.NaN;
    private int bestEpoch;
    private int epochsWithoutImprovement;
    private Map<String, Double> bestFigures = Map.of();
    private NetworkSnapshot bestWeights;

    private BestEpoch(String monitor, boolean higherIsBetter, double minDelta, int patience, boolean keepWeights) {
        this.monitor = monitor;
        this.higherIsBetter = higherIsBetter;
        this.minDelta = minDelta;
        this.patience = patience;
        this.keepWeights = keepWeights;
    }

    /**
     * Early stopping as configured, or without it a tracker that never stops and keeps no weights,
     * following {@code val/loss} when there is validation data and {@code train/loss} otherwise.
     */
    static BestEpoch of(TrainParams.EarlyStopping earlyStopping, boolean hasValidation) {
        if (earlyStopping == null) {
            return new BestEpoch(hasValidation ? "val/loss" : "train/loss", false, 0, 0, false);
        }
        return new BestEpoch(earlyStopping.monitor(), earlyStopping.higherIsBetter(), earlyStopping.minDelta(),
                earlyStopping.patience(), earlyStopping.restoreBest());
    }

    /** The monitored history figure. */
    String monitor() {
        return monitor;
    }

    /**
     * Takes in epoch {@code epoch}'s figures; when the monitored one improves on the best by more than
     * min-delta (a first finite value always does), the epoch becomes the best and, if weights are
     * kept, the live parameters and buffers are copied.
     */
    void record(int epoch, Map<String, Double> figures, Map<String, Parameter> parameters, Map<String, Tensor> buffers) {
        double value = figures.get(monitor);
        boolean improved = bestEpoch == 0
                ? Double.isFinite(value)
                : higherIsBetter ? value - minDelta > bestValue : value + minDelta < bestValue;
        if (improved) {
            bestValue = value;
            bestEpoch = epoch;
            bestFigures = Map.copyOf(figures);
            epochsWithoutImprovement = 0;
            if (keepWeights) {
                if (bestWeights == null) {
                    bestWeights = new NetworkSnapshot();
                }
                bestWeights.capture(parameters, buffers);
            }
        } else {
            epochsWithoutImprovement++;
        }
    }

    /** Whether patience has run out (never without early stopping). */
    boolean shouldStop() {
        return patience > 0 && epochsWithoutImprovement >= patience;
    }

    /** The best epoch (from 1), or 0 before any finite value. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** The figures of the best epoch. */
    Map<String, Double> bestFigures() {
        return bestFigures;
    }

    /**
     * Puts the best epoch's weights back if they are kept and differ from the last epoch's.
     *
     * @return whether anything was put back
     */
    boolean restoreBest(int lastEpoch, Map<String, Parameter> parameters, Map<String, Tensor> buffers) {
        if (bestWeights == null || bestEpoch == lastEpoch) {
            return false;
        }
        bestWeights.restore(parameters, buffers);
        return true;
    }

    /** Adds this bookkeeping (and the kept weights, under {@code best/}) to a checkpoint. */
    void writeTo(ModelState.Builder state) {
        state.attribute("best-epoch", Integer.toString(bestEpoch));
        state.attribute("best-value", Double.toString(bestValue));
        state.attribute("epochs-without-improvement", Integer.toString(epochsWithoutImprovement));
        Checkpoint.writeFigures(state, "best-figure/", bestFigures);
        if (bestWeights != null) {
            bestWeights.writeTo(state, BEST_PREFIX);
        }
    }

    /** Restores what {@link #writeTo} stored in the checkpoint {@code source}. */
    void readFrom(ModelState state, Map<String, Parameter> parameters, Map<String, Tensor> buffers, String source) {
        bestEpoch = Checkpoint.intAttribute(state, "best-epoch", source);
        bestValue = Checkpoint.doubleAttribute(state, "best-value", source);
        epochsWithoutImprovement = Checkpoint.intAttribute(state, "epochs-without-improvement", source);
        bestFigures = Checkpoint.readFigures(state, "best-figure/", source);
        bestWeights = keepWeights && bestEpoch > 0
                ? NetworkSnapshot.readFrom(state, BEST_PREFIX, parameters, buffers, source)
                : null;
    }
}
