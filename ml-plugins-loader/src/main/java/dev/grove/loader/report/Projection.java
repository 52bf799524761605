package dev.grove.loader.report;

import dev.grove.tensor.linalg.Matrix;
import dev.grove.tensor.linalg.SymmetricEigen;

/**
 * Projects rows onto their first two principal components, to draw them on a plane: the directions
 * of largest variance of the centred rows (eigenvectors of their covariance matrix, signs fixed as
 * {@link SymmetricEigen} fixes them), each with its share of the total variance.
 */
final class Projection {

    /** The most rows the covariance is estimated from; evenly spaced rows stand for larger sets. */
    static final int MAX_FIT_ROWS = 5_000;

    private final double[] mean;
    private final double[] first;
    private final double[] second;
    private final double[] shares;

    private Projection(double[] mean, double[] first, double[] second, double[] shares) {
        this.mean = mean;
        this.first = first;
        this.second = second;
        this.shares = shares;
    }

    /**
     * The projection fitted to {@code rows} (row-major, {@code columns} values each).
     *
     * @throws IllegalArgumentException if there are no rows
     */
    static Projection fit(double[] rows, int columns) {
        int n = rows.length / columns;
        if (n == 0) {
            throw new IllegalArgumentException("no rows to project");
        }
        int stride = (int) Math.ceil(n / (double) MAX_FIT_ROWS);
        int used = 0;
        double[] mean = new double[columns];
        for (int i = 0; i < n; i += stride, used++) {
            for (int j = 0; j < columns; j++) {
                mean[j] += rows[i * columns + j];
            }
        }
        for (int j = 0; j < columns; j++) {
            mean[j] /= used;
        }
        double[] covariance = new double[columns * columns];
        double[] centred = new double[columns];
        for (int i = 0; i < n; i += stride) {
            for (int j = 0; j < columns; j++) {
                centred[j] = rows[i * columns + j] - mean[j];
            }
            for (int a = 0; a < columns; a++) {
                double ca = centred[a];
                for (int b = a; b < columns; b++) {
                    covariance[a * columns + b] += ca * centred[b];
                }
            }
        }
        for (int a = 0; a < columns; a++) {
            for (int b = a; b < columns; b++) {
                covariance[a * columns + b] /= Math.max(1, used - 1);
                covariance[b * columns + a] = covariance[a * columns + b];
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(Matrix.fromRowMajor(columns, columns, covariance));
        double[] values = eigen.eigenvalues();
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        double[] shares = new double[2];
        for (int k = 0; k < Math.min(2, values.length); k++) {
            shares[k] = total > 0 ? Math.max(0, values[k]) / total : 0;
        }
        double[] second = columns > 1 ? eigen.eigenvector(1) : new double[columns];
        return new Projection(mean, eigen.eigenvector(0), second, shares);
    }

    /** Row {@code i} of {@code rows} ({@code mean.length} values each) on the first component. */
    double x(double[] rows, int i) {
        return dot(first, rows, i * mean.length);
    }

    /** Row {@code i} of {@code rows} on the second component. */
    double y(double[] rows, int i) {
        return dot(second, rows, i * mean.length);
    }

    /** The share of the variance the first ({@code k = 0}) or second ({@code k = 1}) component explains. */
    double share(int k) {
        return shares[k];
    }

    private double dot(double[] direction, double[] rows, int offset) {
        double sum = 0;
        for (int j = 0; j < mean.length; j++) {
            sum += (rows[offset + j] - mean[j]) * direction[j];
        }
        return sum;
    }
}
