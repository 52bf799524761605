package dev.grove.classical.tree;

import dev.grove.tensor.ThreadBudget;

/**
 * The out-of-bag score of a forest: every training row predicted by the trees whose bootstrap sample
 * left it out (class shares summed, or values averaged), scored by accuracy for class targets and R²
 * for numeric ones over the rows that have such trees. Rows go in fixed blocks and each row sums its
 * trees in order, so the score is the same for any thread count.
 */
final class OutOfBag {

    private static final int BLOCK_ROWS = 512;

    private OutOfBag() {
    }

    /** The score, or NaN if every tree saw every row. */
    static double score(FlatTree[] trees, long[][] inBag, TreeData data) {
        int rows = data.rows();
        int outputs = trees[0].outputs;
        // Per row: the predicted class (or value), NaN if no tree left the row out.
        double[] predicted = new double[rows];
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        ThreadBudget.parallelFor(blocks, b -> {
            int from = b * BLOCK_ROWS;
            int to = Math.min(rows, from + BLOCK_ROWS);
            double[] sums = new double[(to - from) * outputs];
            int[] voters = new int[to - from];
            for (int t = 0; t < trees.length; t++) {
                FlatTree tree = trees[t];
                for (int row = from; row < to; row++) {
                    if (!BootstrapSample.drawn(inBag[t], row)) {
                        int leaf = tree.leafOf(data.x(), row * data.features());
                        for (int o = 0; o < outputs; o++) {
                            sums[(row - from) * outputs + o] += tree.value[leaf * outputs + o];
                        }
                        voters[row - from]++;
                    }
                }
            }
            for (int row = from; row < to; row++) {
                int at = (row - from) * outputs;
                predicted[row] = voters[row - from] == 0 ? Double.NaN
                        : data.forClasses() ? argMax(sums, at, outputs) : sums[at] / voters[row - from];
            }
        });
        return data.forClasses() ? accuracy(predicted, data.labels()) : rSquared(predicted, data.targets());
    }

    private static int argMax(double[] values, int from, int count) {
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (values[from + c] > values[from + best]) {
                best = c;
            }
        }
        return best;
    }

    private static double accuracy(double[] predicted, int[] labels) {
        int counted = 0;
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (!Double.isNaN(predicted[i])) {
                counted++;
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
        }
        return counted == 0 ? Double.NaN : (double) correct / counted;
    }

    private static double rSquared(double[] predicted, double[] targets) {
        int counted = 0;
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (!Double.isNaN(predicted[i])) {
                counted++;
                sum += targets[i];
            }
        }
        if (counted == 0) {
            return Double.NaN;
        }
        double mean = sum / counted;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (!Double.isNaN(predicted[i])) {
                residual += (targets[i] - predicted[i]) * (targets[i] - predicted[i]);
                total += (targets[i] - mean) * (targets[i] - mean);
            }
        }
        if (total == 0) {
            // scikit-learn's r2_score convention for constant targets.
            return residual == 0 ? 1 : 0;
        }
        return 1 - residual / total;
    }
}
