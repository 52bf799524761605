package dev.grove.api.model;

import dev.grove.api.data.Dataset;

/** A model that predicts class indices (into {@code schema().classLabels()}) and their probabilities. */
public interface Classifier extends Model {

    /** The most probable class index of each row. */
    int[] predict(Dataset data);

    /** One row per data row, one column per class, each row summing to 1. */
    double[][] predictProba(Dataset data);

    /**
     * Both {@link #predict} and {@link #predictProba}, equal to calling each. Models whose two answers
     * come from one costly pass (a network's forward pass) override it to make that pass once;
     * evaluation asks for both through it.
     */
    default Classification classify(Dataset data) {
        return new Classification(predict(data), predictProba(data));
    }
}
