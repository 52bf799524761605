package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.classical.internal.Inputs;

/**
 * The checked features and numeric targets of a linear regression fit. With an intercept both are
 * centred, as scikit-learn does: the slopes are then fitted without one, and the intercept recovered
 * as mean(y) − mean(x)·coef.
 */
final class RegressionProblem {

    /** Row-major features (rows × features), centred per column when fitting an intercept. */
    final double[] x;
    /** The targets, centred when fitting an intercept. */
    final double[] y;
    final int rows;
    final int features;
    private final double[] featureMeans;
    private final double targetMean;

    private RegressionProblem(double[] x, double[] y, int rows, int features, double[] featureMeans, double targetMean) {
        this.x = x;
        this.y = y;
        this.rows = rows;
        this.features = features;
        this.featureMeans = featureMeans;
        this.targetMean = targetMean;
    }

    /**
     * Reads {@code data} for {@code component}: at least one row and one feature, finite features and a
     * finite numeric target.
     *
     * @throws IllegalArgumentException naming what is wrong and where
     */
    static RegressionProblem of(String component, Dataset data, boolean fitIntercept) {
        if (!data.hasTargets()) {
            throw new IllegalArgumentException(component + " needs a numeric target to fit, but the data has none");
        }
        if (data.schema().isClassification()) {
            throw new IllegalArgumentException(component + " needs a numeric target, but '" + data.schema().targetName()
                    + "' holds class labels " + data.schema().classLabels() + "; use a classifier");
        }
        int rows = data.rows();
        int features = data.featureCount();
        if (rows == 0) {
            throw new IllegalArgumentException(component + " needs at least one row to fit, got none");
        }
        if (features == 0) {
            throw new IllegalArgumentException(component + " needs at least one feature column, got none");
        }
        double[] x = Inputs.finiteFeatures(component, data);
        double[] y = data.targets();
        for (int i = 0; i < rows; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException(component + ": target '" + data.schema().targetName() + "' of row " + i
                        + " is " + y[i] + "; the targets must be finite numbers");
            }
        }
        double[] featureMeans = new double[features];
        double targetMean = 0;
        if (fitIntercept) {
            for (int i = 0; i < rows; i++) {
                int offset = i * features;
                for (int j = 0; j < features; j++) {
                    featureMeans[j] += x[offset + j];
                }
                targetMean += y[i];
            }
            for (int j = 0; j < features; j++) {
                featureMeans[j] /= rows;
            }
            targetMean /= rows;
            for (int i = 0; i < rows; i++) {
                int offset = i * features;
                for (int j = 0; j < features; j++) {
                    x[offset + j] -= featureMeans[j];
                }
                y[i] -= targetMean;
            }
        }
        return new RegressionProblem(x, y, rows, features, featureMeans, targetMean);
    }

    /** The intercept that goes with slopes {@code coef}: mean(y) − mean(x)·coef, or 0 without centring. */
    double intercept(double[] coef) {
        double intercept = targetMean;
        for (int j = 0; j < features; j++) {
            intercept -= featureMeans[j] * coef[j];
        }
        return intercept;
    }

    /** The features column by column (features × rows), for solvers that walk down columns. */
    double[] columns() {
        double[] out = new double[features * rows];
        for (int i = 0; i < rows; i++) {
            int offset = i * features;
            for (int j = 0; j < features; j++) {
                out[j * rows + i] = x[offset + j];
            }
        }
        return out;
    }
}
