package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;

/** Checks the transformers make on the data they are fitted on or applied to. */
final class FitChecks {

    private FitChecks() {
    }

    /** Requires at least one row to learn from. */
    static void requireRows(String component, Dataset data) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException(component + ": cannot fit on data without rows");
        }
    }

    /**
     * Requires no NaN in {@code columns} (all columns when null); the error names the first missing
     * value's column and row and ends with {@code advice}.
     */
    static void requireNoMissing(String component, Dataset data, int[] columns, String advice) {
        int d = data.featureCount();
        int count = columns == null ? d : columns.length;
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < count; c++) {
                int j = columns == null ? c : columns[c];
                if (Double.isNaN(data.feature(i, j))) {
                    throw new IllegalArgumentException(component + ": column '" + data.schema().featureNames().get(j)
                            + "' has a missing value (NaN) in row " + i + "; " + advice);
                }
            }
        }
    }
}
