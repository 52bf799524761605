package dev.grove.api.metric;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.Regressor;
import java.util.Arrays;

/** What the standard metrics need to find in a {@link MetricInput}, and conversions of its arrays. */
final class MetricInputs {

    private MetricInputs() {
    }

    /**
     * Class truth and predictions of equal, non-zero length, both valid class indices of the data's
     * schema, from a model that is not a clusterer (whose ids are not class indices).
     */
    static boolean hasClassPredictions(MetricInput in) {
        if (!isClassification(in) || in.truth() == null || in.predictions() == null) {
            return false;
        }
        int k = in.classCount();
        return in.truth().length > 0 && in.truth().length == in.predictions().length
                && areIds(in.truth(), k) && areIds(in.predictions(), k);
    }

    /** Class truth plus a probability row of the schema's class count for every row. */
    static boolean hasClassProbabilities(MetricInput in) {
        if (!isClassification(in) || in.truth() == null || in.probabilities() == null) {
            return false;
        }
        int k = in.classCount();
        if (in.truth().length == 0 || in.probabilities().length != in.truth().length || !areIds(in.truth(), k)) {
            return false;
        }
        for (double[] row : in.probabilities()) {
            if (row == null || row.length != k) {
                return false;
            }
        }
        return true;
    }

    /** Numeric (not class) truth and predictions of equal, non-zero length, not from a clusterer. */
    static boolean hasRegressionPredictions(MetricInput in) {
        return in.data() != null && in.classCount() == 0 && !(in.model() instanceof Clusterer)
                && in.truth() != null && in.predictions() != null
                && in.truth().length > 0 && in.truth().length == in.predictions().length;
    }

    /**
     * The number of distinct cluster ids among the predictions, or 0 when the predictions are not
     * non-negative integer ids of the data's rows (or come from a regressor).
     */
    static int distinctClusterIds(MetricInput in) {
        Dataset data = in.data();
        double[] p = in.predictions();
        if (data == null || p == null || p.length == 0 || p.length != data.rows() || data.featureCount() == 0
                || in.model() instanceof Regressor || !areIds(p, Integer.MAX_VALUE)) {
            return 0;
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /** The values as ints (callers have checked they are integral). */
    static int[] ints(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    /** The data's rows as separate arrays. */
    static double[][] rows(Dataset data) {
        double[][] rows = new double[data.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = data.row(i, new double[data.featureCount()]);
        }
        return rows;
    }

    private static boolean isClassification(MetricInput in) {
        return in.data() != null && in.classCount() > 0 && !(in.model() instanceof Clusterer);
    }

    /** Whether every value is an integer in [0, bound). */
    private static boolean areIds(double[] values, int bound) {
        for (double v : values) {
            if (!(v >= 0 && v < bound && v == Math.rint(v))) {
                return false;
            }
        }
        return true;
    }
}
