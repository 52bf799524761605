package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;

/**
 * A random forest fitted on class targets: a row's probabilities are the mean of its trees' leaf
 * class shares, the prediction the most probable class (the lowest index on a tie).
 */
public final class RandomForestClassifierModel extends RandomForestModel implements Classifier {

    RandomForestClassifierModel(Schema schema, Criterion criterion, FlatTree[] trees, double oobScore) {
        super(schema, criterion, trees, oobScore);
    }

    @Override
    public int[] predict(Dataset data) {
        double[][] proba = predictProba(data);
        int[] out = new int[proba.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < proba[i].length; c++) {
                if (proba[i][c] > proba[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    @Override
    public double[][] predictProba(Dataset data) {
        double[] sums = sumOverTrees(data);
        int classes = trees[0].outputs;
        double[][] out = new double[data.rows()][classes];
        for (int i = 0; i < out.length; i++) {
            for (int c = 0; c < classes; c++) {
                out[i][c] = sums[i * classes + c] / trees.length;
            }
        }
        return out;
    }
}
