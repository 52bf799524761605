package dev.grove.api.model;

import dev.grove.api.data.Dataset;

/** A model that predicts class indices (into {@code schema().classLabels()}) and their probabilities. */
public interface Classifier extends Model {

    /** The most probable class index of each row. */
    int[] predict(Dataset data);

    /** One row per data row, one column per class, each row summing to 1. */
    double[][] predictProba(Dataset data);
}
