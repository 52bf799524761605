package dev.grove.classical.bayes;

import dev.grove.api.data.Dataset;

/** The errors naive Bayes gives for a feature value it cannot use, naming the row, the column and what is expected. */
final class BadValues {

    private BadValues() {
    }

    /** "COMPONENT: feature 'NAME' of row ROW is VALUE; EXPECTED". */
    static IllegalArgumentException at(String component, Dataset data, int row, int column, double value,
                                       String expected) {
        return new IllegalArgumentException(component + ": feature '" + data.schema().featureNames().get(column)
                + "' of row " + row + " is " + value + "; " + expected);
    }

    /** The column of the first value that is NaN or infinite, or −1. */
    static int firstNonFinite(double[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                return j;
            }
        }
        return -1;
    }
}
