package dev.grove.api.model;

import dev.grove.api.data.Dataset;

/** A fitted preprocessing step (scaler, encoder, PCA) that maps data to new features. */
public interface Transformer extends Model {

    /** The transformed data; targets are carried over unchanged. */
    Dataset transform(Dataset data);
}
