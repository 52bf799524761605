package dev.grove.api.model;

import dev.grove.api.data.Dataset;

/** A model that predicts a number per row. */
public interface Regressor extends Model {

    /** The prediction for each row. */
    double[] predict(Dataset data);
}
