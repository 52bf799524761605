package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;

/**
 * A decision tree fitted on class targets. The probabilities of a row are the class shares of the
 * training rows in its leaf; the prediction is the most frequent class there (the lowest index on a tie).
 */
public final class DecisionTreeClassifierModel extends DecisionTreeModel implements Classifier {

    DecisionTreeClassifierModel(Schema schema, Criterion criterion, FlatTree tree) {
        super(schema, criterion, tree);
    }

    @Override
    public int[] predict(Dataset data) {
        int[] leaves = leaves(data);
        int classes = tree.outputs;
        int[] out = new int[leaves.length];
        for (int i = 0; i < out.length; i++) {
            int offset = leaves[i] * classes;
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (tree.value[offset + c] > tree.value[offset + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    @Override
    public double[][] predictProba(Dataset data) {
        int[] leaves = leaves(data);
        int classes = tree.outputs;
        double[][] out = new double[leaves.length][classes];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(tree.value, leaves[i] * classes, out[i], 0, classes);
        }
        return out;
    }
}
