package dev.grove.api.model;

/**
 * A classifier's answers for a set of rows: the class index of each, and the probabilities of every
 * class for each (rows × classes).
 *
 * @param classes       the predicted class index of each row
 * @param probabilities one row per data row, one column per class, each row summing to 1
 */
public record Classification(int[] classes, double[][] probabilities) {
}
