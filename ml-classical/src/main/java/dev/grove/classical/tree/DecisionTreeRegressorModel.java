package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Regressor;

/** A decision tree fitted on numeric targets: a row's prediction is the mean target of the training rows in its leaf. */
public final class DecisionTreeRegressorModel extends DecisionTreeModel implements Regressor {

    DecisionTreeRegressorModel(Schema schema, FlatTree tree) {
        super(schema, Criterion.MSE, tree);
    }

    @Override
    public double[] predict(Dataset data) {
        int[] leaves = leaves(data);
        double[] out = new double[leaves.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = tree.value[leaves[i]];
        }
        return out;
    }
}
