/**
 * Clustering and mixtures: {@code kmeans} (Lloyd or Elkan, k-means++ seeding), {@code mini-batch-kmeans}
 * (online k-means with incremental fitting) and {@code gmm} (a Gaussian mixture fitted by EM), each
 * with its params record and immutable fitted model.
 *
 * <p>Work on rows is split into fixed blocks of rows whose partial sums are added in block order, so
 * every fit gives bitwise the same model for any thread budget.
 */
package dev.grove.classical.cluster;
