package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Clusterer;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Transformer;
import dev.grove.classical.internal.StateChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted mini-batch k-means model: k centres plus how many rows each has absorbed (what
 * {@link MiniBatchKMeans#partialFit} needs to continue), immutable and safe to share between threads.
 * Predicts and transforms as {@link KMeansModel} does.
 *
 * <p>{@link #state()} holds arrays {@code centers} (k × features) and {@code counts} (k), and
 * attributes {@code inertia} (of the data of the last fit or update), {@code n-iter} (passes over the
 * data of {@link MiniBatchKMeans#fit}), {@code n-steps} (mini-batch steps, updates included) and
 * {@code samples-since-reassignment}.
 */
public final class MiniBatchKMeansModel implements Clusterer, Transformer {

    private final Schema schema;
    private final int k;
    private final double[] centres;
    private final double[] counts;
    private final double inertia;
    private final int nIter;
    private final long nSteps;
    private final long samplesSinceReassignment;

    MiniBatchKMeansModel(Schema schema, int k, double[] centres, double[] counts, double inertia, int nIter, long nSteps,
                         long samplesSinceReassignment) {
        this.schema = schema;
        this.k = k;
        this.centres = centres;
        this.counts = counts;
        this.inertia = inertia;
        this.nIter = nIter;
        this.nSteps = nSteps;
        this.samplesSinceReassignment = samplesSinceReassignment;
    }

    /**
     * Rebuilds a model from {@link #state()}, the params it was fitted with and the schema it was trained on.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or impossible
     */
    public static MiniBatchKMeansModel restore(MiniBatchKMeansParams params, Schema schema, ModelState state) {
        String component = MiniBatchKMeans.NAME;
        int k = params.k();
        double[] centres = StateChecks.finite(component, "centers", state.doubles("centers", k, schema.featureCount()));
        double[] counts = StateChecks.finite(component, "counts", state.doubles("counts", k));
        for (int c = 0; c < k; c++) {
            if (counts[c] < 0) {
                throw new IllegalArgumentException(component + ": model state 'counts' holds " + counts[c]
                        + " for centre " + c + "; expected a count >= 0");
            }
        }
        return new MiniBatchKMeansModel(schema, k, centres, counts, StateChecks.nonNegative(component, state, "inertia"),
                StateChecks.count(component, state, "n-iter"), wholeNumber(state, "n-steps"),
                wholeNumber(state, "samples-since-reassignment"));
    }

    private static long wholeNumber(ModelState state, String name) {
        String text = state.attribute(name);
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below together with negative values.
        }
        throw new IllegalArgumentException(MiniBatchKMeans.NAME + ": model state attribute '" + name + "' is '" + text
                + "'; expected a whole number >= 0");
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public int clusterCount() {
        return k;
    }

    /** The centres, one row per cluster (k × features). A copy. */
    public double[][] centers() {
        return Matrices.rows(centres, k);
    }

    double[] centresFlat() {
        return centres.clone();
    }

    /** How many rows each centre has absorbed (its inverse is the centre's learning rate). A copy. */
    public double[] counts() {
        return counts.clone();
    }

    /** Σ squared distance of each row of the last fit's or update's data to its nearest centre. */
    public double inertia() {
        return inertia;
    }

    /** Passes over the data that {@link MiniBatchKMeans#fit} made (rounded up). */
    public int nIter() {
        return nIter;
    }

    /** Mini-batch steps taken, updates included. */
    public long nSteps() {
        return nSteps;
    }

    long samplesSinceReassignment() {
        return samplesSinceReassignment;
    }

    @Override
    public ModelState state() {
        return ModelState.builder()
                .put("centers", centres, k, schema.featureCount())
                .put("counts", counts, k)
                .attribute("inertia", Double.toString(inertia))
                .attribute("n-iter", Integer.toString(nIter))
                .attribute("n-steps", Long.toString(nSteps))
                .attribute("samples-since-reassignment", Long.toString(samplesSinceReassignment))
                .build();
    }

    /**
     * The cluster of each row: the index of its nearest centre.
     *
     * @throws IllegalArgumentException if the columns differ from the training data's or a value is not finite
     */
    @Override
    public int[] predict(Dataset data) {
        return NearestCentre.labels(ClusterInputs.predictionFeatures(MiniBatchKMeans.NAME, this, data),
                schema.featureCount(), centres, k);
    }

    /** Σ squared distance of each row of {@code data} to its nearest centre. */
    public double inertia(Dataset data) {
        return NearestCentre.inertia(ClusterInputs.predictionFeatures(MiniBatchKMeans.NAME, this, data),
                schema.featureCount(), centres, k, true);
    }

    /** Each row's Euclidean distances to the k centres, as features {@code distance-0} … ; targets carried over. */
    @Override
    public Dataset transform(Dataset data) {
        double[] x = ClusterInputs.predictionFeatures(MiniBatchKMeans.NAME, this, data);
        List<String> names = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            names.add("distance-" + c);
        }
        return data.withFeatures(NearestCentre.distances(x, schema.featureCount(), centres, k), names);
    }

    @Override
    public String toString() {
        return "MiniBatchKMeansModel[" + k + " centres × " + schema.featureCount() + " features, inertia " + inertia + "]";
    }
}
