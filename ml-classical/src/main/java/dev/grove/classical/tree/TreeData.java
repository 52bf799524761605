package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.classical.internal.Inputs;

/**
 * The training data of a tree or forest, checked: finite features as a row-major matrix, and either
 * class indices or finite numeric targets.
 *
 * @param x        the features, rows × features, row-major
 * @param rows     number of rows (at least 1)
 * @param features number of features
 * @param labels   class index per row (null for numeric targets)
 * @param targets  numeric target per row (null for class targets)
 * @param classes  number of classes of the schema (1 for numeric targets: one output per node)
 */
record TreeData(double[] x, int rows, int features, int[] labels, double[] targets, int classes) {

    /** Whether the targets are classes. */
    boolean forClasses() {
        return labels != null;
    }

    /** The bits a class index takes next to the row number in a sorted entry (0 for one class or numeric targets). */
    static int labelBits(int classes) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(classes, 1) - 1);
    }

    /**
     * Reads and checks {@code data} for fitting with {@code criterion}.
     *
     * @throws IllegalArgumentException naming what is wrong: no rows, no target, a target of the wrong kind, or a
     *                                  NaN or infinite value (with its row and column)
     */
    static TreeData of(String component, Dataset data, Criterion criterion) {
        if (!data.hasTargets()) {
            throw new IllegalArgumentException(component + " needs a target to fit, but the data has none");
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException(component + " needs at least one row to fit, got none");
        }
        int[] labels = null;
        double[] targets = null;
        if (criterion.forClasses()) {
            labels = Inputs.classLabels(component, data);
        } else {
            targets = data.targets();
            for (int i = 0; i < targets.length; i++) {
                if (!Double.isFinite(targets[i])) {
                    throw new IllegalArgumentException(component + ": target '" + data.schema().targetName() + "' of row " + i
                            + " is " + targets[i] + "; the targets must be finite numbers");
                }
            }
        }
        int classes = criterion.forClasses() ? data.schema().classLabels().size() : 1;
        long values = (long) data.rows() * data.featureCount();
        if (values > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(component + ": " + data.rows() + " rows × " + data.featureCount()
                    + " features are " + values + " values, more than the " + Integer.MAX_VALUE + " a tree can sort");
        }
        // A sorted entry holds the row number and the class index in 32 bits.
        long maxRows = 1L << (Integer.SIZE - labelBits(classes));
        if (data.rows() > maxRows) {
            throw new IllegalArgumentException(component + ": a tree over " + classes + " classes can learn from at most "
                    + maxRows + " rows, got " + data.rows());
        }
        double[] x = Inputs.finiteFeatures(component, data);
        return new TreeData(x, data.rows(), data.featureCount(), labels, targets, classes);
    }
}
