package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Model;
import dev.grove.classical.internal.Inputs;

/** The checks every clustering fit makes on its data before touching it; each failure says what and where. */
final class ClusterInputs {

    private ClusterInputs() {
    }

    /**
     * The features of {@code data} as a new row-major array, after checking that there is at least one
     * row and one feature, that {@code clusters} (named {@code param}) is at most the row count, and
     * that every value is finite.
     *
     * @throws IllegalArgumentException naming the component and what is wrong
     */
    static double[] features(String component, Dataset data, String param, int clusters) {
        requireShape(component, data, param, clusters);
        return Inputs.finiteFeatures(component, data);
    }

    /**
     * Checks that there is at least one row and one feature, and that {@code clusters} (named
     * {@code param}) is at most the row count.
     *
     * @throws IllegalArgumentException naming the component and what is wrong
     */
    static void requireShape(String component, Dataset data, String param, int clusters) {
        if (data.rows() == 0) {
            throw new IllegalArgumentException(component + " needs at least one row to fit, got an empty data set");
        }
        if (data.featureCount() == 0) {
            throw new IllegalArgumentException(component + " needs at least one feature column to fit, got none");
        }
        if (clusters > data.rows()) {
            throw new IllegalArgumentException(component + ": " + param + " is " + clusters
                    + " but the data has only " + data.rows() + " rows; " + param + " must be at most the number of rows");
        }
    }

    /**
     * Checks that a per-row, per-cluster table ({@code what}) of rows × clusters entries fits in one array.
     *
     * @throws IllegalArgumentException naming the component and the sizes
     */
    static void requireTable(String component, String what, int rows, int clusters) {
        if ((long) rows * clusters > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(component + ": " + rows + " rows × " + clusters + " clusters is too many for "
                    + what + " (at most " + (Integer.MAX_VALUE - 16) + " entries)");
        }
    }

    /** The features of prediction data: the model's columns, finite values. */
    static double[] predictionFeatures(String component, Model model, Dataset data) {
        model.checkColumns(data);
        return Inputs.finiteFeatures(component, data);
    }
}
