package dev.grove.api.model;

import dev.grove.api.data.Dataset;

/** A model that assigns rows to clusters 0..k-1. */
public interface Clusterer extends Model {

    /** The cluster of each row. */
    int[] predict(Dataset data);

    /** Number of clusters. */
    int clusterCount();
}
