package dev.grove.classical.internal;

import dev.grove.api.data.Dataset;

/** Reads and checks what estimators and models take from a {@link Dataset}. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The features as a row-major matrix (rows × featureCount).
     *
     * @throws IllegalArgumentException naming the component, row and column of the first NaN or infinity
     */
    public static double[] finiteFeatures(String component, Dataset data) {
        double[] x = data.featureMatrix();
        int d = data.featureCount();
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException(component + ": feature '" + data.schema().featureNames().get(k % d)
                        + "' of row " + k / d + " is " + x[k] + "; the features must be finite numbers");
            }
        }
        return x;
    }

    /**
     * The class index of every row, for fitting a classifier.
     *
     * @throws IllegalArgumentException if the data has no rows or no class targets
     */
    public static int[] classLabels(String component, Dataset data) {
        if (!data.hasTargets() || !data.schema().isClassification()) {
            throw new IllegalArgumentException(component + " needs class targets to fit, but the data has "
                    + (data.hasTargets() ? "a numeric target '" + data.schema().targetName() + "'" : "no target"));
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException(component + " needs at least one row to fit, got none");
        }
        return data.labels();
    }

    /** How many rows each of the schema's {@code classes} classes has. */
    public static int[] classCounts(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
