package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Regressor;

/** A random forest fitted on numeric targets: a row's prediction is the mean of its trees' leaf values. */
public final class RandomForestRegressorModel extends RandomForestModel implements Regressor {

    RandomForestRegressorModel(Schema schema, FlatTree[] trees, double oobScore) {
        super(schema, Criterion.MSE, trees, oobScore);
    }

    @Override
    public double[] predict(Dataset data) {
        double[] sums = sumOverTrees(data);
        double[] out = new double[sums.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = sums[i] / trees.length;
        }
        return out;
    }
}
