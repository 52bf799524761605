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
 * A fitted k-means model: k centres, immutable and safe to share between threads. A row belongs to
 * the cluster of its nearest centre (Euclidean distance, lowest index on ties); as a transformer it
 * maps each row to its distances to the k centres (features {@code distance-0} … {@code distance-(k−1)}),
 * as scikit-learn's {@code KMeans.transform}.
 *
 * <p>{@link #state()} holds array {@code centers} (k × features) and attributes {@code inertia}
 * (of the training data) and {@code n-iter} (iterations of the winning run).
 */
public final class KMeansModel implements Clusterer, Transformer {

    private final Schema schema;
    private final int k;
    private final double[] centres;
    private final double inertia;
    private final int nIter;

    KMeansModel(Schema schema, int k, double[] centres, double inertia, int nIter) {
        this.schema = schema;
        this.k = k;
        this.centres = centres;
        this.inertia = inertia;
        this.nIter = nIter;
    }

    /**
     * Rebuilds a model from {@link #state()}, the params it was fitted with and the schema it was trained on.
     *
     * @throws IllegalArgumentException if an array or attribute is missing, misshapen or impossible
     */
    public static KMeansModel restore(KMeansParams params, Schema schema, ModelState state) {
        double[] centres = StateChecks.finite(KMeans.NAME, "centers",
                state.doubles("centers", params.k(), schema.featureCount()));
        return new KMeansModel(schema, params.k(), centres, StateChecks.nonNegative(KMeans.NAME, state, "inertia"),
                StateChecks.count(KMeans.NAME, state, "n-iter"));
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

    /** Σ squared distance of each training row to its centre. */
    public double inertia() {
        return inertia;
    }

    /** Iterations the winning run took. */
    public int nIter() {
        return nIter;
    }

    @Override
    public ModelState state() {
        return ModelState.builder()
                .put("centers", centres, k, schema.featureCount())
                .attribute("inertia", Double.toString(inertia))
                .attribute("n-iter", Integer.toString(nIter))
                .build();
    }

    /**
     * The cluster of each row: the index of its nearest centre.
     *
     * @throws IllegalArgumentException if the columns differ from the training data's or a value is not finite
     */
    @Override
    public int[] predict(Dataset data) {
        return NearestCentre.labels(ClusterInputs.predictionFeatures(KMeans.NAME, this, data), schema.featureCount(),
                centres, k);
    }

    /** Σ squared distance of each row of {@code data} to its nearest centre (scikit-learn's −score). */
    public double inertia(Dataset data) {
        return NearestCentre.inertia(ClusterInputs.predictionFeatures(KMeans.NAME, this, data), schema.featureCount(),
                centres, k, true);
    }

    /** Each row's Euclidean distances to the k centres, as features {@code distance-0} … ; targets carried over. */
    @Override
    public Dataset transform(Dataset data) {
        double[] x = ClusterInputs.predictionFeatures(KMeans.NAME, this, data);
        List<String> names = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            names.add("distance-" + c);
        }
        return data.withFeatures(NearestCentre.distances(x, schema.featureCount(), centres, k), names);
    }

    @Override
    public String toString() {
        return "KMeansModel[" + k + " centres × " + schema.featureCount() + " features, inertia " + inertia + "]";
    }
}
